using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Letters;

public sealed class LetterWorkflowTests(QuietOutboxPortal portal) : IClassFixture<QuietOutboxPortal>
{
    private static Dictionary<string, string> Letter(string subject) => new()
    {
        ["Input.Kind"] = nameof(CampaignKind.QuarterlyLetter), ["Input.Subject"] = subject,
        ["Input.Body"] = "## Les nouvelles du trimestre\n\n- Agenda partagé ouvert\n- Deux formations en décembre",
        ["Input.Audience"] = nameof(AudienceKind.DirectoryProfessionals),
    };

    private async Task<Guid> WriteAsync(Browser author, string subject)
    {
        var page = await author.SubmitAsync(await author.GetAsync("/gestion/lettres/nouvelle"), "/gestion/lettres/nouvelle", Letter(subject));
        Assert.Equal("Lettre trimestrielle enregistrée en brouillon.", page.Document.QuerySelector(".alert-success[role=status]")?.TextContent.Trim());
        return await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());
    }

    private static async Task<Page> ActAsync(Browser browser, Guid id, string action, params (string, string)[] fields) =>
        await browser.PostFromAsync(await browser.GetAsync($"/gestion/lettres/{id}"), $"/gestion/lettres/{id}/{action}", fields);

    [Fact]
    public async Task A_quarterly_letter_leaves_only_after_two_bureau_members_other_than_its_author_approve_and_then_is_archived()
    {
        var reader = (await LetterSteps.ProfessionalsAsync(portal, Profession.Nurse, 1, "lecteur"))[0];
        var (author, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (second, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (third, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var id = await WriteAsync(author, "Lettre du quatrième trimestre");

        Assert.Contains("doit d'abord être approuvée", (await ActAsync(author, id, "planifier", ("now", "true"))).Text);
        await ActAsync(author, id, "soumettre");
        Assert.Contains("L'auteur du message ne peut pas l'approuver", (await ActAsync(author, id, "approuver")).Text);
        Assert.True((await ActAsync(coordinator, id, "approuver")).IsRefused);
        await ActAsync(second, id, "approuver");
        Assert.Contains("Vous l'avez déjà approuvé", (await ActAsync(second, id, "approuver")).Text);
        Assert.Equal(CampaignStatus.Submitted, await LetterSteps.StatusAsync(portal, id));
        Assert.Contains("doit d'abord être approuvée", (await ActAsync(coordinator, id, "planifier", ("now", "true"))).Text);
        await ActAsync(third, id, "approuver");
        Assert.Equal(CampaignStatus.Approved, await LetterSteps.StatusAsync(portal, id));

        var later = DateTime.SpecifyKind(Aposart.Web.Infrastructure.Web.ParisTime.ToParis(portal.Clock.GetUtcNow()).DateTime.AddHours(2), DateTimeKind.Unspecified);
        var scheduled = await ActAsync(coordinator, id, "planifier", ("at", later.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("planifiée", scheduled.Text);
        Assert.Equal(0, await LetterSteps.DrainAsync(portal));
        Assert.Equal(CampaignStatus.Scheduled, await LetterSteps.StatusAsync(portal, id));
        Assert.DoesNotContain("Lettre du quatrième trimestre", (await portal.NewBrowser().GetAsync("/lettres")).Text);

        portal.Clock.Advance(TimeSpan.FromHours(3));
        try
        {
            Assert.True(await LetterSteps.DrainAsync(portal) >= 1);
        }
        finally
        {
            portal.Clock.Reset();
        }
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, id));
        var received = Assert.Single(await portal.Smtp.MessagesToAsync(reader));
        Assert.Contains("<li>Agenda partagé ouvert</li>", received.HtmlBody);
        var archive = await portal.NewBrowser().GetAsync("/lettres");
        Assert.Contains("Lettre du quatrième trimestre", archive.Text);
        var log = (await coordinator.GetAsync($"/gestion/lettres/{id}")).Find("#journal")!.ParentElement!.TextContent;
        foreach (var step in new[] { "soumise au bureau", "approbation 1 sur 2", "approuvée (2 approbation(s))", "planifiée pour le", "destinataire(s)", "envoyé(s)" })
        {
            Assert.Contains(step, log);
        }
    }

    [Fact]
    public async Task Editing_an_approved_letter_sends_it_back_to_draft_and_a_flashmail_needs_no_approval()
    {
        var (author, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (second, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var id = await WriteAsync(author, "Lettre à retoucher");
        await ActAsync(author, id, "soumettre");
        await ActAsync(second, id, "approuver");
        await coordinator.FillAsync($"/gestion/lettres/{id}/modifier", new Dictionary<string, string> { ["Input.Subject"] = "Lettre retouchée" });
        Assert.Equal(CampaignStatus.Draft, await LetterSteps.StatusAsync(portal, id));
        Assert.Equal(0, await portal.WithDbAsync(db => db.CampaignApprovals.CountAsync(a => a.CampaignId == id)));

        var flash = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/lettres/nouvelle?kind=Flashmail"), "/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.Flashmail), ["Input.Subject"] = "Rappel vaccination", ["Input.Body"] = "Campagne de grippe ouverte.",
            ["Input.Audience"] = nameof(AudienceKind.Professions),
        });
        Assert.Contains("au moins une profession", flash.ErrorFor("Input.Professions"));
        Assert.Equal("Campagne de grippe ouverte.", flash.ValueOf("Input.Body"));
        var flashId = (await coordinator.SubmitAsync(flash, "/gestion/lettres/nouvelle", new Dictionary<string, string> { ["Input.Professions"] = nameof(Profession.Pharmacist) })).Url.Split('/')[^1];
        Assert.Contains("planifiée", (await ActAsync(coordinator, Guid.Parse(flashId), "planifier", ("now", "true"))).Text);

        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.True((await member.GetAsync("/gestion/lettres")).IsRefused);
        Assert.Equal(HttpStatusCode.OK, (await portal.NewBrowser().GetAsync($"/desabonnement/{new string('a', 48)}")).Status);
        Assert.Contains("pas valable", (await portal.NewBrowser().GetAsync($"/desabonnement/{new string('a', 48)}")).Text);
    }

    [Fact]
    public async Task Only_real_small_pdfs_are_attached_and_every_copy_carries_them()
    {
        var nurse = (await LetterSteps.ProfessionalsAsync(portal, Profession.Nurse, 1, "joint"))[0];
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var created = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/lettres/nouvelle?kind=Flashmail"), "/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.Flashmail), ["Input.Subject"] = "Protocole plaies", ["Input.Body"] = "Le protocole est joint.",
            ["Input.Audience"] = nameof(AudienceKind.Professions), ["Input.Professions"] = nameof(Profession.Nurse),
        });
        var id = Guid.Parse(created.Url.Split('/')[^1]);

        async Task<string> UploadAsync(string fileName, byte[] content)
        {
            var page = await coordinator.GetAsync($"/gestion/lettres/{id}");
            using var form = new MultipartFormDataContent { { new StringContent(page.Token), "__RequestVerificationToken" }, { new ByteArrayContent(content), "file", fileName } };
            var response = await coordinator.Http.PostAsync($"/gestion/lettres/{id}/pieces-jointes", form);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        var pdf = new Aposart.Web.Infrastructure.Pdf.PdfDocumentBuilder("APOSART", "Protocole", new Aposart.Web.Infrastructure.Pdf.PdfFonts("/usr/share/fonts/truetype/dejavu"))
            .Heading("Protocole plaies").ToPdf();
        Assert.Contains("n'est pas un PDF", await UploadAsync("protocole.pdf", "Ceci est du texte."u8.ToArray()));
        Assert.Contains("dépasse 2 Mo", await UploadAsync("gros.pdf", [.. "%PDF-1.7"u8, .. new byte[2 * 1024 * 1024]]));
        Assert.Contains("Pièce jointe « protocole plaies-.pdf » ajoutée", await UploadAsync("../protocole plaies?.pdf", pdf));
        Assert.Equal(1, await portal.WithDbAsync(db => db.CampaignAttachments.CountAsync(a => a.CampaignId == id)));

        await ActAsync(coordinator, id, "planifier", ("now", "true"));
        await LetterSteps.DrainAsync(portal);
        var message = Assert.Single(await portal.Smtp.MessagesToAsync(nurse));
        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var copy = new MemoryStream();
        await attachment.Content!.DecodeToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task A_signed_in_person_chooses_what_they_receive()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var page = await browser.GetAsync("/espace/preferences");
        var saved = await browser.SubmitAsync(page, "/espace/preferences", new Dictionary<string, string> { ["Flashmails"] = "false" });
        Assert.Contains("préférences sont enregistrées", saved.Text);
        var subscriber = await portal.WithDbAsync(db => db.MailSubscribers.SingleAsync(s => s.Address == user.Email!.ToLowerInvariant()));
        Assert.Equal((true, false, true, null), (subscriber.QuarterlyLetter, subscriber.Flashmails, subscriber.TrainingAnnouncements, subscriber.UnsubscribedAt));
    }
}
