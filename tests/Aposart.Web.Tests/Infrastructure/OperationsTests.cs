using System.Net;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>Only the tests add this controller, to see what a user meets when the code fails.</summary>
public sealed class FailingController : Controller
{
    [HttpGet("/essai/panne")]
    public IActionResult Fail() => throw new InvalidOperationException("secret internal detail 42");
}

public sealed class FailingPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(FailingController).Assembly));
    }
}

public sealed class OperationsTests(FailingPortal portal) : IClassFixture<FailingPortal>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await portal.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_gets_a_french_404_page()
    {
        var page = await portal.NewBrowser().GetAsync("/cette-page-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page introuvable", page.Text);
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_unexpected_error_gets_a_french_500_page_that_reveals_nothing()
    {
        var page = await portal.NewBrowser().GetAsync("/essai/panne");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Erreur du serveur", page.Text);
        Assert.DoesNotContain("secret internal detail", page.Html);
        Assert.DoesNotContain("InvalidOperationException", page.Html);
    }

    [Fact]
    public async Task The_development_mailbox_is_not_served_outside_development()
    {
        var page = await portal.NewBrowser().GetAsync("/dev/courriels");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }
}

/// <summary>The portal reaching its real database through a relay that the test can cut.</summary>
public sealed class OutagePortal : PortalFactory
{
    private TcpProxy? proxy;

    public TcpProxy Proxy => proxy ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        proxy = new TcpProxy(server.Host ?? "127.0.0.1", server.Port);
        proxy.Start();
    }

    protected override string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 }.ConnectionString;
}

public sealed class DatabaseOutageTests(OutagePortal portal) : IClassFixture<OutagePortal>
{
    [Fact]
    public async Task While_the_database_is_away_pages_show_a_french_503_and_the_portal_recovers_without_restart()
    {
        var browser = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/la-cpts")).Status);

        portal.Proxy.Cut();

        // A public page already rendered is still served to visitors from the stored copy; one that needs the database now cannot be.
        Assert.Contains("36", (await browser.GetAsync("/la-cpts")).Find("#total-communes")!.TextContent);
        var page = await browser.GetAsync("/annuaire/structures");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("Service momentanément indisponible", page.Text);
        Assert.Equal("30", Assert.Single(page.Response.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.Http.GetAsync("/health")).StatusCode);
        // A page that needs no database still works (the home page shows live content now; the legal notice does not).
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mentions-legales")).Status);

        portal.Proxy.Start();

        var recovered = await PollAsync(async () => (await browser.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK);
        Assert.True(recovered, "The portal did not recover within 15 seconds.");
        var again = await browser.GetAsync("/annuaire/structures");
        Assert.True(again.Status == HttpStatusCode.OK, again.Status + " " + again.Text);
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return false;
    }
}
