using System.Net;
using System.Text;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Settings;

/// <summary>A portal whose mail server refuses connections: nothing listens on port 1.</summary>
public sealed class ClosedSmtpPortal : PortalFactory
{
    public ClosedSmtpPortal() => With("Mail:SmtpPort", "1");
}

public sealed class SettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static readonly Dictionary<string, string> NewIdentity = new()
    {
        ["Identity.Name"] = "CPTS des Étangs et Forêts",
        ["Identity.ShortName"] = "ÉTANGS",
        ["Identity.TerritoryName"] = "Étangs et Forêts",
        ["Identity.Email"] = "contact@cpts-etangs.fr",
        ["Identity.Telephone"] = "01 30 00 00 00",
        ["Identity.PostalAddress"] = "3 allée des Chênes, 78000 Exemple",
        ["Identity.Siret"] = "12345678900011",
        ["Identity.Rna"] = "W781234567",
        ["Identity.PublicationDirector"] = "La présidente de l'association",
        ["Identity.Host"] = "Hébergeur Exemple, 1 rue du Serveur, 75000 Paris",
        ["Identity.MainColour"] = "#6b2c5c",
    };

    [Fact]
    public async Task A_new_identity_saved_by_the_admin_reaches_the_public_pages_a_notice_mail_and_a_receipt_pdf_without_a_restart()
    {
        // An anonymous visit first, so that the public page cache holds the old home page.
        var visitor = portal.NewBrowser();
        Assert.Contains("CPTS Sud Yvelines", (await visitor.GetAsync("/")).Text);

        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var saved = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Identity, NewIdentity);
        Assert.Contains("L'identité de la CPTS est enregistrée", saved.Text);
        await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.MailSender,
            new Dictionary<string, string> { ["MailSender.FromName"] = "CPTS des Étangs", ["MailSender.FromAddress"] = "ne-pas-repondre@cpts-etangs.fr" });

        var home = await visitor.GetAsync("/");
        Assert.Contains("ÉTANGS – CPTS des Étangs et Forêts", home.Text);
        Assert.DoesNotContain("Sud Yvelines", home.Text);
        Assert.Contains("contact@cpts-etangs.fr", home.Text);
        Assert.NotNull(home.Document.QuerySelector("link[href^='/identite/theme.css']"));
        var theme = await visitor.Http.GetStringAsync(home.Document.QuerySelector("link[href^='/identite/theme.css']")!.GetAttribute("href"));
        Assert.Contains("--cpts-main: #6b2c5c", theme);
        var legal = await visitor.GetAsync("/mentions-legales");
        Assert.Contains("3 allée des Chênes, 78000 Exemple", legal.Text);
        Assert.Contains("W781234567", legal.Text);
        Assert.Contains("Hébergeur Exemple", legal.Text);

        // A notice: the bureau approves an application; the mail carries the new sender and signature.
        var (_, applicant, membershipId) = await Steps.ApplicantAsync(portal, "Aubriot");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        await Steps.DecideAsync(board, membershipId, "valider");
        var approval = (await portal.Smtp.MessagesToAsync(applicant.Email!)).Single(m => (m.Subject ?? "").Contains("validée", StringComparison.Ordinal));
        Assert.Equal("ne-pas-repondre@cpts-etangs.fr", approval.From.Mailboxes.Single().Address);
        Assert.Equal("CPTS des Étangs", approval.From.Mailboxes.Single().Name);
        Assert.Contains("ÉTANGS / CPTS des Étangs et Forêts", approval.TextBody);
        Assert.DoesNotContain("Sud Yvelines", approval.TextBody);

        // The receipt PDF names the association as it is now set.
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        await Steps.RecordPaymentAsync(coordinator, "20,00", membershipId);
        var paymentId = await portal.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MembershipId == membershipId).Select(a => a.PaymentId).SingleAsync());
        var receipt = PdfText.All(await coordinator.Http.GetByteArrayAsync($"/gestion/paiements/{paymentId}/recu.pdf"));
        Assert.Contains("ÉTANGS – CPTS des Étangs et Forêts", receipt);
        Assert.Contains("12345678900011", receipt);
        Assert.DoesNotContain("Sud Yvelines", receipt);

        // Who changed what, and when, is kept.
        var history = await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index);
        Assert.Contains("Identité", history.Find("#historique")!.ParentElement!.TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => db.SettingsVersions.CountAsync(s => s.Section == "identity")));
    }

    [Fact]
    public async Task A_colour_too_light_for_white_text_is_refused_next_to_the_field_and_what_was_typed_stays()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var fields = NewIdentity.ToDictionary(kv => kv.Key, kv => kv.Value);
        fields["Identity.MainColour"] = "#f5c542";
        fields["Identity.Siret"] = "123";
        var refused = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Identity, fields);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Cette couleur est trop claire", refused.Find("#Identity_MainColour-error")!.TextContent);
        Assert.Contains("il faut au moins 4,5:1", refused.Text);
        Assert.Contains("Le SIRET compte 14 chiffres.", refused.Find("#Identity_Siret-error")!.TextContent);
        Assert.Equal("CPTS des Étangs et Forêts", refused.ValueOf("Identity.Name"));
        Assert.Equal("#f5c542", refused.ValueOf("Identity.MainColour"));
        var stored = await portal.WithDbAsync(db => db.SettingsVersions.Where(s => s.Section == "identity").Select(s => s.Value).ToListAsync());
        Assert.DoesNotContain(stored, value => value.Contains("f5c542", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_svg_logo_is_kept_without_its_scripts_and_an_executable_renamed_png_is_refused()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var page = await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index);
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
              <script>alert(2)</script>
              <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
              <a href="javascript:alert(3)"><rect width="10" height="10"/></a>
              <circle cx="5" cy="5" r="4" fill="#0b4f6c" style="background:url(https://evil.example/x)"/>
              <use xlink:href="https://evil.example/sprite.svg#x"/>
            </svg>
            """;
        var saved = await admin.UploadAsync(page, Web.Features.Settings.SettingsLinks.Logo, ("logo", Encoding.UTF8.GetBytes(svg), "logo.png"));
        Assert.Contains("Le logo est enregistré", saved.Text);
        var src = (await portal.NewBrowser().GetAsync("/")).Document.QuerySelector("img.site-logo")!.GetAttribute("src")!;
        var served = await portal.NewBrowser().Http.GetAsync(src);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        var kept = await served.Content.ReadAsStringAsync();
        Assert.Contains("<circle", kept);
        foreach (var gone in new[] { "script", "onload", "foreignObject", "iframe", "javascript:", "evil.example", "<a " })
        {
            Assert.DoesNotContain(gone, kept, StringComparison.OrdinalIgnoreCase);
        }

        var executable = await admin.UploadAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Logo,
            ("logo", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "logo.png"));
        Assert.Contains("Le logo doit être une image PNG, WebP ou SVG.", executable.Find("#logo-file-error")!.TextContent);
    }

    [Fact]
    public async Task The_test_mail_reaches_the_admin_and_says_which_address_it_was_sent_from()
    {
        var (admin, user) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var page = await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index);
        var done = await admin.SubmitAsync(page, Web.Features.Settings.SettingsLinks.MailTest, new Dictionary<string, string>());
        Assert.Contains("Le serveur de messagerie a accepté le courriel de test", done.Find(".alert-success")!.TextContent);
        Assert.Single(await portal.Smtp.MessagesToAsync(user.Email!, where: m => m.Subject == "Courriel de test du portail"));
    }

    [Fact]
    public async Task Statutes_published_as_a_pdf_become_the_version_an_applicant_accepts_and_a_file_that_is_not_a_pdf_is_refused()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var notPdf = await admin.UploadAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Statutes,
            ("Statutes.File", Encoding.UTF8.GetBytes("<html>statuts</html>"), "statuts.pdf"),
            ("Statutes.Kind", "Statutes"), ("Statutes.Label", "Statuts adoptés par l'AG de mars"), ("Statutes.AdoptedOn", "2026-03-12"));
        Assert.Contains("Le fichier doit être un PDF.", notPdf.Find("#Statutes_File-error")!.TextContent);
        Assert.Equal("Statuts adoptés par l'AG de mars", notPdf.ValueOf("Statutes.Label"));

        var published = await admin.UploadAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Statutes,
            ("Statutes.File", Pdf, "statuts.pdf"), ("Statutes.Kind", "Statutes"), ("Statutes.Label", "Statuts adoptés par l'AG de mars"), ("Statutes.AdoptedOn", "2026-03-12"));
        Assert.Contains("La nouvelle version des statuts est publiée", published.Text);
        var version = await portal.WithDbAsync(db => db.StatutesVersions.SingleAsync(s => s.Label == "Statuts adoptés par l'AG de mars"));

        var (_, _, membershipId) = await Steps.ApplicantAsync(portal, "Berthelot");
        Assert.Equal(version.Id, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.StatutesVersionId).SingleAsync()));
        var file = await portal.NewBrowser().Http.GetAsync(Web.Features.Settings.SettingsLinks.StatutesDocument(version.Id));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Fees_of_a_year_and_the_collèges_are_set_from_the_browser_and_a_collège_in_use_cannot_be_removed()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var fees = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Fees,
            new Dictionary<string, string> { ["Fees.Year"] = "2031", ["Fees.Individual"] = "35,50", ["Fees.Structure"] = "120" });
        Assert.Contains("Les cotisations 2031 sont enregistrées", fees.Text);
        Assert.Equal(35.50m, await portal.WithDbAsync(db => db.MembershipFees.Where(f => f.Year == 2031 && f.Category == FeeCategory.Individual).Select(f => f.Amount).SingleAsync()));

        var (_, _, membershipId) = await Steps.ApplicantAsync(portal, "Carnot");
        var used = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.College!.Name).SingleAsync());
        var others = await portal.WithDbAsync(db => db.Colleges.Where(c => c.Name != used).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        var refused = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Colleges,
            new Dictionary<string, string> { ["Colleges.Lines"] = string.Join("\n", others) });
        Assert.Contains($"Des adhésions sont rattachées à : {used}", refused.Find("#Colleges_Lines-error")!.TextContent);

        var saved = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.Colleges,
            new Dictionary<string, string> { ["Colleges.Lines"] = string.Join("\n", [used, .. others, "Usagers et aidants"]) });
        Assert.True(saved.Text.Contains("Les collèges sont enregistrés.", StringComparison.Ordinal), saved.FormErrors + saved.Text);
        var colleges = await portal.WithDbAsync(db => db.Colleges.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal([used, .. others, "Usagers et aidants"], colleges);
    }

    [Fact]
    public async Task The_coordination_writes_the_published_texts_but_cannot_change_the_identity()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync(Web.Features.Settings.SettingsLinks.Index);
        Assert.Null(page.Document.QuerySelector($"form[action='{Web.Features.Settings.SettingsLinks.Identity}']"));
        var saved = await coordinator.SubmitAsync(page, Web.Features.Settings.SettingsLinks.Texts, new Dictionary<string, string>
        {
            ["Texts.HomeIntroduction"] = "Nous soignons **ensemble** le territoire des étangs.",
            ["Texts.AboutText"] = "Créée en 2021 par des <script>alert(1)</script> professionnels du territoire.",
        });
        Assert.Contains("Les textes sont enregistrés et publiés.", saved.Text);
        var home = await portal.NewBrowser().GetAsync("/");
        Assert.Equal("ensemble", home.Find(".lead strong")!.TextContent);
        var about = await portal.NewBrowser().GetAsync("/la-cpts");
        Assert.Contains("Créée en 2021 par des", about.Text);
        Assert.DoesNotContain("<script>alert(1)", about.Html);

        var identity = await coordinator.PostFromAsync(page, Web.Features.Settings.SettingsLinks.Identity, ("Identity.Name", "Prise de contrôle"), ("Identity.Email", "x@exemple.fr"));
        Assert.Equal(HttpStatusCode.Forbidden, identity.Status);
    }

    [Fact]
    public async Task A_change_saved_by_another_instance_on_the_same_database_is_picked_up_at_the_next_refresh()
    {
        await portal.WithDbAsync(async db =>
        {
            db.SettingsVersions.Add(new SettingsVersion
            {
                Section = "texts", Value = """{"homeIntroduction":"Texte écrit par une autre instance.","aboutText":"","legalComplement":""}""",
                ChangedAt = DateTimeOffset.UtcNow, ChangedByName = "Une autre instance",
            });
            return await db.SaveChangesAsync();
        });
        await portal.Services.GetRequiredService<PortalSettings>().RefreshAsync();
        Assert.Contains("Texte écrit par une autre instance.", (await portal.NewBrowser().GetAsync("/")).Text);
    }
}

public sealed class MailTestFailureTests(ClosedSmtpPortal portal) : IClassFixture<ClosedSmtpPortal>
{
    [Fact]
    public async Task A_refused_connection_to_the_mail_server_is_reported_in_plain_french()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var done = await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.MailTest, new Dictionary<string, string>());
        Assert.Contains("Le courriel de test n'est pas parti. Le serveur de messagerie refuse la connexion : vérifiez l'adresse et le port du serveur.",
            done.Find(".alert-warning")!.TextContent);
    }
}
