using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Meetings;

/// <summary>Minutes and decisions, on a portal of their own: the tests move its clock past the meeting.</summary>
public sealed class MinutesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly AssemblyDay = new(2034, 3, 14);

    private Task<Guid> InviteeIdAsync(Guid meetingId, AppUser user) => MeetingSteps.InviteeIdAsync(portal, meetingId, user);

    [Fact]
    public async Task The_minutes_are_drafted_from_the_meeting_approved_by_the_president_published_to_members_and_the_public_and_decisions_reach_the_fiche_and_the_person()
    {
        portal.Clock.Reset();
        var year = AssemblyDay.Year;
        var anne = await MeetingSteps.AdherentAsync(portal, year, "Anne-Présente");
        var bruno = await MeetingSteps.AdherentAsync(portal, year, "Bruno-Pouvoir");
        await MeetingSteps.AdherentAsync(portal, year, "Denis-Absent");
        var fiche = await portal.WithDbAsync(async db =>
        {
            var sheet = new ActionSheet { Number = 31, Title = "Parcours insuffisance cardiaque", Mission = AciMission.QualityOfCare };
            db.ActionSheets.Add(sheet);
            await db.SaveChangesAsync();
            return sheet.Id;
        });
        var (board, boardUser) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await MeetingsTests.CreateMeetingAsync(board, MeetingsTests.MeetingForm(AssemblyDay));
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Approbation du rapport d'activité", ["NewResolution.Majority"] = nameof(MajorityRule.SimpleOfCast),
        });
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", page.Text);
        var anneId = await InviteeIdAsync(id, anne);
        await (await portal.SignedInAsync(bruno)).FillAsync($"/espace/reunions/{id}", new Dictionary<string, string>
        {
            ["Reply.Answer"] = nameof(MeetingAnswer.Proxy), ["Reply.ProxyHolderId"] = anneId.ToString(),
        });
        Assert.Contains("s'écrit une fois la réunion commencée", (await board.GetAsync($"/gestion/reunions/{id}/compte-rendu")).Text);

        // The day of the assembly.
        portal.Clock.SetParis(year, AssemblyDay.Month, AssemblyDay.Day, 19);
        // Years later by the clock: the sessions opened before have expired.
        board = await portal.SignedInAsync(boardUser);
        page = await board.GetAsync($"/gestion/reunions/{id}");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/presences", ("inviteeId", anneId.ToString()), ("present", "true"));
        var resolution = await portal.WithDbAsync(db => db.Resolutions.Where(r => r.MeetingId == id).Select(r => r.Id).SingleAsync());
        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/ouvrir");
        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/clore", ("RoomFor", "2"), ("RoomAgainst", "0"), ("RoomAbstain", "0"));
        Assert.Contains("Adoptée : 2 pour", page.Text);

        // Decisions: bad input answered next to the fields, then two decisions, one for Anne on the fiche.
        var bad = await board.SubmitAsync(page, $"/gestion/reunions/{id}/actions", new Dictionary<string, string>
        {
            ["NewTask.What"] = "", ["NewTask.AssigneeInviteeId"] = anneId.ToString(), ["NewTask.AssigneeName"] = "Mairie de Rambouillet", ["NewTask.DueOn"] = "2034-02-30",
        });
        Assert.Contains("Écrivez la décision", bad.ErrorFor("NewTask.What"));
        Assert.False(string.IsNullOrEmpty(bad.ErrorFor("NewTask.DueOn")));
        Assert.Equal("Mairie de Rambouillet", bad.ValueOf("NewTask.AssigneeName"));
        bad = await board.SubmitAsync(bad, $"/gestion/reunions/{id}/actions", new Dictionary<string, string>
        {
            ["NewTask.What"] = "Préparer le dossier ACI", ["NewTask.AssigneeInviteeId"] = anneId.ToString(), ["NewTask.AssigneeName"] = "Mairie de Rambouillet", ["NewTask.DueOn"] = "",
        });
        Assert.Contains("pas les deux", bad.ErrorFor("NewTask.AssigneeName"));
        Assert.Equal("Préparer le dossier ACI", bad.ValueOf("NewTask.What"));
        page = await board.SubmitAsync(bad, $"/gestion/reunions/{id}/actions", new Dictionary<string, string>
        {
            ["NewTask.What"] = "Préparer le dossier ACI", ["NewTask.AssigneeInviteeId"] = anneId.ToString(), ["NewTask.AssigneeName"] = "",
            ["NewTask.DueOn"] = "2034-04-30", ["NewTask.ActionSheetId"] = fiche.ToString(),
        });
        Assert.Contains("Décision enregistrée", page.Text);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/actions", new Dictionary<string, string>
        {
            ["NewTask.What"] = "Demander la salle pour la prochaine assemblée", ["NewTask.AssigneeInviteeId"] = "", ["NewTask.AssigneeName"] = "Mairie de Rambouillet",
            ["NewTask.DueOn"] = "", ["NewTask.ActionSheetId"] = "",
        });
        Assert.Contains("Demander la salle pour la prochaine assemblée — Mairie de Rambouillet", page.Text);

        // The draft the portal writes.
        var minutes = await board.GetAsync($"/gestion/reunions/{id}/compte-rendu");
        var draft = minutes.ValueOf("Input.Text") ?? "";
        Assert.Contains("- Présent·e·s (1) : Claire Anne-Présente", draft);
        Assert.Contains("- Représenté·e·s (1) : Claire Bruno-Pouvoir (pouvoir à Claire Anne-Présente)", draft);
        Assert.Contains("- Excusé·e·s ou absent·e·s : Claire Denis-Absent", draft);
        Assert.Contains("Quorum : 2 présent(s) et représenté(s) sur 3 convoqué(s)", draft);
        Assert.Contains("### Résolution n° 1 : Approbation du rapport d'activité", draft);
        Assert.Contains("Adoptée : 2 pour, 0 contre, 0 abstention(s).", draft);
        Assert.Contains("- Préparer le dossier ACI — Claire Anne-Présente, pour le 30/04/2034 (fiche 31 « Parcours insuffisance cardiaque »)", draft);
        Assert.DoesNotContain("Approuver le compte rendu", minutes.Text);

        var coordinatorPage = await coordinator.GetAsync($"/gestion/reunions/{id}/compte-rendu");
        var text = draft.Replace("(À compléter : ce qui a été dit, point par point.)", "La présidente remercie les **trente** participants.", StringComparison.Ordinal);
        var saved = await board.SubmitAsync(minutes, $"/gestion/reunions/{id}/compte-rendu", new Dictionary<string, string> { ["Input.Text"] = text });
        Assert.Contains("Le compte rendu est enregistré", saved.Text);
        // A second writer still holding the first page's version does not overwrite, and keeps what they typed.
        var stale = await coordinator.SubmitAsync(coordinatorPage, $"/gestion/reunions/{id}/compte-rendu", new Dictionary<string, string> { ["Input.Text"] = "Autre version" });
        Assert.Contains("Quelqu'un d'autre vient d'enregistrer", stale.ErrorFor("Input.Text"));
        Assert.Equal("Autre version", stale.ValueOf("Input.Text"));

        // Approval: no president in office, so not the coordination; then the president alone, once.
        var refused = await coordinator.GetAsync($"/gestion/reunions/{id}/compte-rendu");
        Assert.Contains("Sans présidence en fonction, un membre du bureau approuve", refused.Text);
        var (president, presidentUser) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await portal.WithDbAsync(async db =>
        {
            db.BureauMandates.Add(new BureauMandate { UserId = presidentUser.Id, Title = BureauTitle.President, StartsOn = new DateOnly(2033, 1, 1), CreatedByName = "test" });
            return await db.SaveChangesAsync();
        });
        var notPresident = await board.PostFromAsync(saved, $"/gestion/reunions/{id}/compte-rendu/approuver");
        Assert.Contains("Le compte rendu est approuvé par la présidence", notPresident.Text);
        var approved = await president.PostFromAsync(await president.GetAsync($"/gestion/reunions/{id}/compte-rendu"), $"/gestion/reunions/{id}/compte-rendu/approuver");
        Assert.Contains("Le compte rendu est approuvé et publié dans les documents des adhérents", approved.Text);
        Assert.Contains("trente", approved.Text);
        Assert.Contains("déjà approuvé", (await president.PostFromAsync(approved, $"/gestion/reunions/{id}/compte-rendu/approuver")).Text);
        var frozen = await board.PostFromAsync(notPresident, $"/gestion/reunions/{id}/compte-rendu", ("Input.Text", "Réécrit"), ("Input.Version", "0"));
        Assert.Contains("il ne change plus", frozen.Text);

        // Published among the members' documents: a PDF with the CPTS header, the approval and the text.
        var documents = await (await portal.SignedInAsync(anne)).GetAsync("/espace/documents");
        Assert.Contains("Comptes rendus de réunions", documents.Text);
        Assert.Contains($"Compte rendu – Assemblée générale ordinaire ({AssemblyDay:dd/MM/yyyy})", documents.Text);
        var version = await portal.WithDbAsync(db => db.DocumentVersions.AsNoTracking()
            .SingleAsync(v => db.MemberDocuments.Any(d => d.Id == v.DocumentId && d.Title.StartsWith("Compte rendu"))));
        var pdf = PdfText.Squeezed(PdfText.All(version.Content));
        foreach (var expected in new[] { "CPTS", "Compte rendu", "approuvé le", "Claire Anne-Présente", "La présidente remercie les trente participants." })
        {
            Assert.Contains(PdfText.Squeezed(expected), pdf);
        }

        // Public only when the bureau chooses.
        var anonymous = portal.NewBrowser();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/la-cpts/assemblees/{id}/compte-rendu.pdf")).StatusCode);
        var shown = await board.PostFromAsync(notPresident, $"/gestion/reunions/{id}/compte-rendu/publication", ("shown", "true"));
        Assert.Contains("publié sur la page publique", shown.Text);
        Assert.Contains("Compte rendu : Assemblée générale ordinaire", (await anonymous.GetAsync("/la-cpts")).Text);
        var publicPdf = await anonymous.Http.GetAsync($"/la-cpts/assemblees/{id}/compte-rendu.pdf");
        Assert.Equal("application/pdf", publicPdf.Content.Headers.ContentType?.MediaType);
        await board.PostFromAsync(shown, $"/gestion/reunions/{id}/compte-rendu/publication", ("shown", "false"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/la-cpts/assemblees/{id}/compte-rendu.pdf")).StatusCode);
        Assert.DoesNotContain("Compte rendu : Assemblée générale ordinaire", (await anonymous.GetAsync("/la-cpts")).Text);

        // Anne's task: on her home and her meetings page, on the fiche; Bruno cannot close it for her, she does.
        var anneBrowser = await portal.SignedInAsync(anne);
        Assert.Contains("Action à mener : Préparer le dossier ACI, pour le 30/04/2034", (await anneBrowser.GetAsync("/espace")).Text);
        var mine = await anneBrowser.GetAsync("/espace/reunions");
        Assert.Contains("Préparer le dossier ACI — Claire Anne-Présente", mine.Text);
        var task = await portal.WithDbAsync(db => db.MeetingTasks.Where(t => t.AssigneeId == anne.Id).Select(t => t.Id).SingleAsync());
        var brunoBrowser = await portal.SignedInAsync(bruno);
        var notHis = await brunoBrowser.PostFromAsync(await brunoBrowser.GetAsync("/espace/reunions"), $"/espace/reunions/actions/{task}/faite");
        Assert.Contains("Cette action n'est pas à vous", notHis.Text);
        Assert.Contains("Action marquée comme faite", (await anneBrowser.PostFromAsync(mine, $"/espace/reunions/actions/{task}/faite")).Text);
        Assert.DoesNotContain("Action à mener", (await anneBrowser.GetAsync("/espace")).Text);
        var fichePage = await anneBrowser.GetAsync($"/gestion/fiches/{fiche}");
        Assert.Contains("Décisions des réunions", fichePage.Text);
        Assert.Contains("Préparer le dossier ACI Claire Anne-Présente 30/04/2034 faite le", fichePage.Text);
        portal.Clock.Reset();
    }
}
