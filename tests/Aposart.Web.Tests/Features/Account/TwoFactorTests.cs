using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Features.Account;

public sealed class TwoFactorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Professional_enables_an_authenticator_app_and_then_needs_its_code_to_log_in()
    {
        var (browser, user) = await portal.SignedInAsync();
        var setup = await browser.GetAsync("/compte/securite/double-authentification");
        Assert.StartsWith("data:image/png;base64,", setup.Find("img.qr-code")!.GetAttribute("src"));
        var key = setup.Find("#cle-partagee")!.TextContent;

        var wrong = await browser.SubmitAsync(setup, "/compte/securite/double-authentification",
            new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.True(wrong.ErrorFor("Input.Code")?.Contains("n'est pas valable") == true, wrong.Url + " " + wrong.Status + " " + wrong.Text);

        var codes = await browser.SubmitAsync(setup, "/compte/securite/double-authentification",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        var recoveryCodes = codes.Document.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        var other = portal.NewBrowser();
        var second = await other.LogInAsync(user.Email!, PortalFactory.Password);
        Assert.StartsWith("/compte/connexion-2fa", second.Url);
        Assert.False(second.IsSignedIn);
        var badCode = await other.SubmitAsync(second, "/compte/connexion-2fa", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.False(badCode.IsSignedIn);

        var signedIn = await other.SubmitAsync(second, "/compte/connexion-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.True(signedIn.IsSignedIn);

        var third = portal.NewBrowser();
        var challenge = await third.LogInAsync(user.Email!, PortalFactory.Password);
        var withRecovery = await third.SubmitAsync(challenge, "/compte/connexion-2fa", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
        Assert.True(withRecovery.IsSignedIn);
    }

    [Fact]
    public async Task The_second_step_page_without_a_password_first_goes_back_to_login()
    {
        var page = await portal.NewBrowser().GetAsync("/compte/connexion-2fa");

        Assert.StartsWith("/compte/connexion", page.Url);
        Assert.DoesNotContain("2fa", page.Url);
    }
}
