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

    protected override bool DemoIdentity => false;

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

        // Before anything is set, the public pages say the site is being set up and show nothing of the demo.
        var visitor = portal.NewBrowser();
        var firstHome = await visitor.GetAsync("/");
        Assert.Contains("Site en cours de mise en place", firstHome.Find("#mise-en-place")!.TextContent);
        await AssertNoDemoValueAsync(visitor);

        // The administrator signs in, is sent to the checklist, and must add a second factor before the back office.
        var admin = portal.NewBrowser();
        var landed = await admin.LogInAsync(ProductionPortal.AdminEmail, ProductionPortal.AdminPassword);
        Assert.Equal("/compte/securite/double-authentification", landed.Url);
        await EnrolAsync(admin, landed);
        var checklist = await admin.GetAsync("/gestion/mise-en-route");
        Assert.Equal("/gestion/mise-en-route", checklist.Url);
        Assert.Contains("0 étape(s) faite(s) sur 8", checklist.Text);
        Assert.Contains("À faire", checklist.Find("#etape-identity")!.TextContent);
        Assert.Equal("/gestion/comptes", (await admin.GetAsync("/gestion/comptes")).Url);

        // The administrator sets the identity, checks the territory, tests the mail server, fixes the fees and publishes the statutes.
        var settings = await admin.GetAsync("/gestion/parametres");
        var identity = await admin.SubmitAsync(settings, "/gestion/parametres/identite", new Dictionary<string, string>
        {
            ["Identity.Name"] = "CPTS du Val Exemple", ["Identity.ShortName"] = "VALEX", ["Identity.TerritoryName"] = "Val Exemple",
            ["Identity.Email"] = "contact@cpts-exemple.fr", ["Identity.PostalAddress"] = "1 place de la Mairie, 78000 Exemple",
        });
        Assert.Contains("L'identité de la CPTS est enregistrée", identity.Text);
        await admin.SubmitAsync(identity, "/gestion/parametres/expediteur", new Dictionary<string, string>
        {
            ["MailSender.FromName"] = "CPTS du Val Exemple", ["MailSender.FromAddress"] = "ne-pas-repondre@cpts-exemple.fr",
        });
        var mailTest = await admin.SubmitAsync(await admin.GetAsync("/gestion/parametres"), "/gestion/parametres/courriel-de-test", new Dictionary<string, string>());
        Assert.Contains("Le serveur de messagerie a accepté le courriel de test", mailTest.Text);
        var year = DateTimeOffset.UtcNow.Year;
        var fees = await admin.SubmitAsync(await admin.GetAsync("/gestion/parametres"), "/gestion/parametres/cotisations", new Dictionary<string, string>
        {
            ["Fees.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Fees.Individual"] = "30", ["Fees.Structure"] = "80",
        });
        Assert.Contains($"Les cotisations {year} sont enregistrées", fees.Text);
        var statutes = await admin.UploadAsync(await admin.GetAsync("/gestion/parametres"), "/gestion/parametres/statuts",
            ("Statutes.File", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "statuts.pdf"),
            ("Statutes.Kind", "Statutes"), ("Statutes.Label", "Statuts constitutifs"), ("Statutes.AdoptedOn", $"{year}-01-15"));
        Assert.Contains("La nouvelle version des statuts est publiée", statutes.Text);
        var territory = await admin.SubmitAsync(await admin.GetAsync("/gestion/mise-en-route"), "/gestion/mise-en-route/territoire-verifie", new Dictionary<string, string>());
        Assert.Contains("Fait", territory.Find("#etape-territory")!.TextContent);
        Assert.Null((await visitor.GetAsync("/")).Find("#mise-en-place"));

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

        // A professional registers, confirms, fills the record and applies; the bureau approves; the fee is recorded.
        var professional = portal.NewBrowser();
        const string professionalEmail = "dr.exemple@cabinet-exemple.fr";
        var registered = await professional.FillAsync("/compte/inscription", new Dictionary<string, string>
        {
            ["FirstName"] = "Paule", ["LastName"] = "Exemple", ["Email"] = professionalEmail, ["Password"] = "une phrase de passe de médecin",
            ["ConfirmPassword"] = "une phrase de passe de médecin", ["AcceptPrivacy"] = "true",
        });
        Assert.Equal("/compte/inscription/verifiez-vos-courriels", registered.Url);
        var confirmation = Assert.Single(await portal.Smtp.MessagesToAsync(professionalEmail, timeout: TimeSpan.FromSeconds(30)));
        await professional.GetAsync(MailLinks.PathOf(confirmation, "/compte/confirmation"));
        Assert.True((await professional.LogInAsync(professionalEmail, "une phrase de passe de médecin")).IsSignedIn);
        await Steps.FillProfileAsync(professional, Steps.Profile(professionalEmail, "Exemple"));
        var applied = await Steps.ApplyAsync(professional);
        Assert.Contains("En attente de validation", applied.Text);
        var membershipId = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Professional!.LastName == "Exemple").Select(m => m.Id).SingleAsync());
        var approved = await Steps.DecideAsync(bureau1, membershipId, "valider");
        Assert.Contains("Validée – cotisation due", approved.Text);
        var paid = await Steps.RecordPaymentAsync(coordinator, "30,00", membershipId);
        Assert.Contains("Paiement enregistré", paid.Text);

        // The checklist is done but for the optional logo; nowhere — pages, mails, PDFs — is there a value of the demo.
        var done = await admin.GetAsync("/gestion/mise-en-route");
        Assert.Contains("7 étape(s) faite(s) sur 8", done.Text);
        await AssertNoDemoValueAsync(visitor);
        var paymentId = await portal.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MembershipId == membershipId).Select(a => a.PaymentId).SingleAsync());
        var receipt = PdfText.All(await coordinator.Http.GetByteArrayAsync($"/gestion/paiements/{paymentId}/recu.pdf"));
        Assert.Contains("VALEX – CPTS du Val Exemple", receipt);
        AssertNoDemoValue("the receipt", receipt);
        // The sink is shared with the other test classes (which use the demo identity): only this portal's addresses are read.
        foreach (var address in new[] { ProductionPortal.AdminEmail, "tresorerie@cpts-exemple.fr", "secretariat@cpts-exemple.fr", "coordination@cpts-exemple.fr", professionalEmail })
        {
            var mails = await portal.Smtp.MessagesToAsync(address, atLeast: 0);
            Assert.NotEmpty(mails);
            foreach (var mail in mails)
            {
                AssertNoDemoValue($"the mail « {mail.Subject} » to {address}", mail.From + "\n" + mail.TextBody + "\n" + mail.HtmlBody);
            }
        }
    }

    private static readonly string[] DemoValues = ["demo.aposart.fr", "Sud Yvelines", "APOSART", "Rambouillet-demo"];

    private static void AssertNoDemoValue(string where, string text)
    {
        foreach (var value in DemoValues)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{where} shows the demo value « {value} »");
        }
    }

    private static async Task AssertNoDemoValueAsync(Browser visitor)
    {
        foreach (var path in new[] { "/", "/la-cpts", "/mentions-legales", "/confidentialite", "/accessibilite", "/contact", "/formations", "/actualites", "/annuaire", "/compte/connexion", "/compte/inscription" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            AssertNoDemoValue(path, page.Html);
        }
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
