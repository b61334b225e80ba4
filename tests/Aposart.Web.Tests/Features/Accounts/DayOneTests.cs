using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Accounts;

/// <summary>
/// The portal as a real CPTS starts it: Production mode, an empty database prepared by the `migrate` and `create-admin`
/// commands run as separate processes, and then only the browser. Nothing of the demo exists here.
/// </summary>
public sealed class ProductionPortal : PortalFactory
{
    public const string AdminEmail = "presidence@cpts-exemple.fr";
    public const string AdminPassword = "le tilleul de la place du marché";

    public ProductionPortal() => With("Security:RequireTwoFactorForStaff", "true");

    protected override async Task<string> CreateDatabaseAsync()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        var migrate = await ProductionCommands.RunAsync(database, ["migrate"]);
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        var admin = await ProductionCommands.RunAsync(database, ["create-admin", "--email", AdminEmail], AdminPassword + "\n");
        Assert.True(admin.ExitCode == 0, admin.Output);
        return database;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class DayOneTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task From_an_empty_production_database_the_admin_invites_the_bureau_and_the_coordinator_whose_quarterly_letter_is_approved_and_sent()
    {
        Assert.False(await portal.WithDbAsync(db => db.Professionals.AnyAsync()), "Production starts without any demo data");

        // The administrator signs in, lands on their home, and must add a second factor before the back office.
        var admin = portal.NewBrowser();
        var home = await admin.LogInAsync(ProductionPortal.AdminEmail, ProductionPortal.AdminPassword);
        Assert.Equal("/espace", home.Url);
        Assert.Contains("activez la double authentification", home.Text);
        var sentAway = await admin.GetAsync("/gestion/comptes");
        Assert.Equal("/compte/securite/double-authentification", sentAway.Url);
        await EnrolAsync(admin, sentAway);
        Assert.Equal("/gestion/comptes", (await admin.GetAsync("/gestion/comptes")).Url);

        // Two bureau members and a coordinator are invited; each chooses a password and a second factor.
        var bureau1 = await InviteAndAcceptAsync(admin, "tresorerie@cpts-exemple.fr", "Bruno", "Trésorier", Roles.Board);
        var bureau2 = await InviteAndAcceptAsync(admin, "secretariat@cpts-exemple.fr", "Sabine", "Secrétaire", Roles.Board);
        var coordinator = await InviteAndAcceptAsync(admin, "coordination@cpts-exemple.fr", "Chloé", "Coordinatrice", Roles.Coordinator);
        var list = await admin.GetAsync("/gestion/comptes?role=" + Roles.Board);
        Assert.Contains("2 compte(s).", list.Text);

        // A bureau member fills their directory record, so the letter has a reader.
        var profile = await bureau1.FillAsync("/espace/profil", Steps.Profile("tresorerie@cpts-exemple.fr", "Trésorier"));
        Assert.DoesNotContain("field-validation-error", profile.Html);

        // The coordinator writes the quarterly letter and submits it; the two bureau members approve; it is sent.
        var draft = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/lettres/nouvelle"), "/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.QuarterlyLetter), ["Input.Subject"] = "Lettre du premier trimestre",
            ["Input.Body"] = "## Bienvenue\n\nLe portail de la CPTS est ouvert.", ["Input.Audience"] = nameof(AudienceKind.DirectoryProfessionals),
        });
        Assert.Contains("Lettre trimestrielle enregistrée en brouillon.", draft.Text);
        var id = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Subject == "Lettre du premier trimestre").Select(c => c.Id).SingleAsync());
        await ActAsync(coordinator, id, "soumettre");
        await ActAsync(bureau1, id, "approuver");
        await ActAsync(bureau2, id, "approuver");
        var scheduled = await ActAsync(coordinator, id, "planifier", ("now", "true"));
        Assert.Contains("planifiée", scheduled.Text);

        var letter = Assert.Single(await portal.Smtp.MessagesToAsync("tresorerie@cpts-exemple.fr", timeout: TimeSpan.FromSeconds(60),
            where: m => m.Subject == "Lettre du premier trimestre"));
        Assert.Contains("Le portail de la CPTS est ouvert.", letter.TextBody);
    }

    private static async Task<Page> ActAsync(Browser browser, Guid id, string action, params (string, string)[] fields) =>
        await browser.PostFromAsync(await browser.GetAsync($"/gestion/lettres/{id}"), $"/gestion/lettres/{id}/{action}", fields);

    private async Task<Browser> InviteAndAcceptAsync(Browser admin, string email, string firstName, string lastName, string role)
    {
        var sent = await admin.PostFromAsync(await admin.GetAsync("/gestion/comptes/inviter"), "/gestion/comptes/inviter",
            ("Email", email), ("FirstName", firstName), ("LastName", lastName), ("Roles", role));
        Assert.Contains($"Invitation envoyée à {email}.", sent.Text);
        var mail = Assert.Single(await portal.Smtp.MessagesToAsync(email, timeout: TimeSpan.FromSeconds(30)));
        var link = MailLinks.PathOf(mail, "/compte/invitation/");
        var browser = portal.NewBrowser();
        var created = await browser.SubmitAsync(await browser.GetAsync(link), link, new Dictionary<string, string>
        {
            ["Password"] = $"la phrase de passe de {firstName.ToLowerInvariant()} au bureau", ["ConfirmPassword"] = $"la phrase de passe de {firstName.ToLowerInvariant()} au bureau",
        });
        Assert.True(created.IsSignedIn, created.Text);
        await EnrolAsync(browser, await browser.GetAsync("/compte/securite/double-authentification"));
        return browser;
    }

    /// <summary>Adds an authenticator app as the person would, with the key the page shows.</summary>
    private static async Task EnrolAsync(Browser browser, Page setup)
    {
        var key = setup.Find("#cle-partagee")!.TextContent;
        var done = await browser.SubmitAsync(setup, "/compte/securite/double-authentification", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(10, done.Document.QuerySelectorAll(".recovery-codes li").Length);
    }
}
