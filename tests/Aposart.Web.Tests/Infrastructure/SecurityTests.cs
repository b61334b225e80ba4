using System.Net;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Infrastructure;

public sealed class SecurityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/compte/connexion")]
    [InlineData("/compte/inscription")]
    [InlineData("/compte/mot-de-passe-oublie")]
    [InlineData("/compte/deconnexion")]
    public async Task A_post_without_antiforgery_token_gets_400(string url)
    {
        var browser = portal.NewBrowser();
        await browser.GetAsync(url.Replace("deconnexion", "connexion", StringComparison.Ordinal));

        var page = await browser.PostAsync(url, new Dictionary<string, string> { ["Email"] = "x@exemple.fr", ["Password"] = "n'importe quoi" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Requête invalide", page.Text);
    }

    [Fact]
    public async Task A_post_with_a_token_from_another_session_gets_400()
    {
        var first = portal.NewBrowser();
        var login = await first.GetAsync("/compte/connexion");
        var token = login.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var page = await portal.NewBrowser().PostAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = "x@exemple.fr",
            ["Password"] = "n'importe quoi",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/la-cpts")]
    [InlineData("/compte/connexion")]
    [InlineData("/page-qui-n-existe-pas")]
    [InlineData("/health")]
    public async Task Security_headers_are_present(string url)
    {
        var response = await portal.CreateClient().GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_hsts()
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portail.cpts-exemple.fr"),
        });

        var response = await client.GetAsync("/la-cpts");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_so_the_policy_holds()
    {
        foreach (var url in new[] { "/", "/la-cpts", "/compte/connexion", "/compte/inscription", "/compte/mot-de-passe-oublie" })
        {
            var page = await portal.NewBrowser().GetAsync(url);
            Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src"))));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task Auth_cookie_is_http_only()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var browser = new Browser(client);
        var login = await browser.GetAsync("/compte/connexion");
        var token = login.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = user.Email!,
            ["Password"] = PortalFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("aposart.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/compte/securite")]
    [InlineData("/compte/securite/double-authentification")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var page = await portal.NewBrowser().GetAsync(url);

        Assert.StartsWith("/compte/connexion?ReturnUrl=", page.Url, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class RateLimitedPortal : PortalFactory
{
    public RateLimitedPortal()
    {
        With("RateLimits:AuthPermitLimit", "3");
        With("RateLimits:AuthWindowSeconds", "60");
    }
}

public sealed class RateLimitTests(RateLimitedPortal portal) : IClassFixture<RateLimitedPortal>
{
    [Fact]
    public async Task Repeated_login_attempts_get_429_with_retry_after_and_a_french_page()
    {
        var browser = portal.NewBrowser();
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.LogInAsync(PortalFactory.NewEmail(), "un mot de passe quelconque");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var limited = await browser.LogInAsync(PortalFactory.NewEmail(), "un mot de passe quelconque");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        var retryAfter = int.Parse(Assert.Single(limited.Response.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Trop de tentatives", limited.Text);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/connexion")).Status);
    }
}
