using System.Globalization;
using System.Text.RegularExpressions;
using Aposart.EndToEnd.Support;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Meetings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

/// <summary>
/// An assembly in Chromium: prepared and convened by the bureau, answered with a proxy, presence taken from a phone, an online
/// vote, a resolution counted per collège, an election whose winner a bureau member seats on the bureau.
/// </summary>
public sealed partial class AssemblyJourneyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task The_bureau_convenes_an_assembly_an_adherent_gives_a_proxy_presence_is_taken_from_a_phone_the_vote_is_counted_and_the_elected_is_seated()
    {
        const string journey = "assemblee";
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var anne = await MeetingSteps.AdherentAsync(portal, day.Year, "Parcours-Présente");
        var bruno = await MeetingSteps.AdherentAsync(portal, day.Year, "Parcours-Pouvoir");
        var boardUser = await portal.CreateUserAsync(PortalFactory.NewEmail("bureau"), Roles.Professional, Roles.Member, Roles.Board);
        var board = await portal.SignedInPageAsync(boardUser.Email!);

        await board.GotoAsync("/gestion/reunions/nouvelle");
        await Forms.FillAsync(board, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(MeetingKind.OrdinaryAssembly), ["Input.Title"] = "AG du parcours", ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Start"] = "18:30", ["Input.End"] = "20:30", ["Input.Place"] = "Salle du conseil", ["Input.Agenda"] = "1. Rapport d'activité\n2. Comptes",
        });
        await Forms.SubmitAsync(board, "/gestion/reunions/nouvelle");
        await Expect(board).ToHaveURLAsync(ManagePage());
        var manage = board.Url;
        await Forms.FillAsync(board, new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Approbation du rapport d'activité", ["NewResolution.Majority"] = nameof(MajorityRule.SimpleOfCast),
        });
        await Forms.ClickToNextPageAsync(board, board.GetByRole(AriaRole.Button, new() { Name = "Ajouter la résolution" }));
        await Forms.FillAsync(board, new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Élection au bureau", ["NewResolution.IsElection"] = "true", ["NewResolution.Seats"] = "1",
        });
        await Forms.ClickToNextPageAsync(board, board.GetByRole(AriaRole.Button, new() { Name = "Ajouter la résolution" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Élection : 1 siège(s) à pourvoir");
        await Forms.FillAsync(board, new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Modification des statuts", ["NewResolution.Majority"] = nameof(MajorityRule.TwoThirdsOfCast), ["NewResolution.PerCollege"] = "true",
        });
        await Forms.ClickToNextPageAsync(board, board.GetByRole(AriaRole.Button, new() { Name = "Ajouter la résolution" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Majorité des deux tiers des suffrages exprimés, requise dans chaque collège");
        await Expect(board.Locator("main")).ToContainTextAsync("2 personne(s) seront convoquées");
        await Axe.AssertAccessibleAsync(board);
        await Forms.ClickToNextPageAsync(board, board.GetByRole(AriaRole.Button, new() { Name = "Envoyer les convocations" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Les convocations sont parties");
        var meetingId = Guid.Parse(new Uri(manage).AbsolutePath.Split('/')[3]);
        var report = board.GetByRole(AriaRole.Article, new() { Name = "Résolution n° 1 : Approbation du rapport d'activité" });
        var election = board.GetByRole(AriaRole.Article, new() { Name = "Résolution n° 2 : Élection au bureau" });
        var statutes = board.GetByRole(AriaRole.Article, new() { Name = "Résolution n° 3 : Modification des statuts" });
        await election.GetByLabel("Déclarer un candidat (parmi les convoqués)").SelectOptionAsync(new SelectOptionValue { Label = "Claire Parcours-Présente" });
        await Forms.ClickToNextPageAsync(board, election.GetByRole(AriaRole.Button, new() { Name = "Ajouter la candidature" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Candidature enregistrée");

        var annePage = await portal.SignedInPageAsync(anne.Email!);
        await annePage.GotoAsync($"/espace/reunions/{meetingId}");
        await annePage.GetByLabel("Votre réponse").SelectOptionAsync(nameof(MeetingAnswer.Coming));
        await Forms.ClickToNextPageAsync(annePage, annePage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer ma réponse" }));
        await Expect(annePage.Locator("main")).ToContainTextAsync("Votre réponse est enregistrée");
        var brunoPage = await portal.SignedInPageAsync(bruno.Email!);
        await brunoPage.GotoAsync($"/espace/reunions/{meetingId}");
        await brunoPage.GetByLabel("Votre réponse").SelectOptionAsync(nameof(MeetingAnswer.Proxy));
        await brunoPage.GetByLabel("Adhérent à qui vous donnez votre pouvoir").SelectOptionAsync(new SelectOptionValue { Label = "Claire Parcours-Présente" });
        await Forms.ClickToNextPageAsync(brunoPage, brunoPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer ma réponse" }));
        await Expect(brunoPage.Locator("main")).ToContainTextAsync("Donne pouvoir à Claire Parcours-Présente");
        await Expect(brunoPage.GetByRole(AriaRole.Img, new() { Name = "Code QR de présence de Claire Parcours-Pouvoir" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(brunoPage);
        await LivePortal.ScreenshotAsync(brunoPage, journey, "1-reponse");

        // At the door: the bureau's phone reads Anne's code.
        var code = await portal.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == meetingId && i.UserId == anne.Id).Select(i => i.AttendanceCode).SingleAsync());
        await board.SetViewportSizeAsync(LivePortal.Phone.Width, LivePortal.Phone.Height);
        await board.GotoAsync($"/gestion/reunions/presence/{code}");
        await Forms.ClickToNextPageAsync(board, board.GetByRole(AriaRole.Button, new() { Name = "Marquer Claire Parcours-Présente présent·e" }));
        await Expect(board.Locator("main")).ToContainTextAsync("2 présent(s) et représenté(s) (1 présent(s), 1 représenté(s)) sur 2 convoqué(s)");
        await Expect(board.Locator("main")).ToContainTextAsync("Le quorum est atteint");
        var overflow = await board.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var wide = await board.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-responsive') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ':' + e.textContent.trim().slice(0, 40)).join(' | ')");
        Assert.True(overflow <= 0, $"The meeting page is {overflow}px wider than a phone: {wide}");
        await board.SetViewportSizeAsync(LivePortal.Desktop.Width, LivePortal.Desktop.Height);
        await Axe.AssertAccessibleAsync(board);

        await Forms.ClickToNextPageAsync(board, report.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }));
        await Forms.ClickToNextPageAsync(board, election.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }));
        await Forms.ClickToNextPageAsync(board, statutes.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }));
        await annePage.GotoAsync($"/espace/reunions/{meetingId}");
        await annePage.GotoAsync($"/espace/reunions/{meetingId}");
        var reportBallot = annePage.GetByRole(AriaRole.Article, new() { Name = "N° 1 : Approbation du rapport d'activité" });
        await reportBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote" }).GetByLabel("Pour").CheckAsync();
        await Forms.ClickToNextPageAsync(annePage, reportBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote" }).GetByRole(AriaRole.Button, new() { Name = "Voter" }));
        await reportBallot.GetByRole(AriaRole.Group, new() { Name = "Pour Claire Parcours-Pouvoir (pouvoir)" }).GetByLabel("Contre").CheckAsync();
        await Forms.ClickToNextPageAsync(annePage, reportBallot.GetByRole(AriaRole.Group, new() { Name = "Pour Claire Parcours-Pouvoir (pouvoir)" }).GetByRole(AriaRole.Button, new() { Name = "Voter" }));
        await Expect(reportBallot).ToContainTextAsync("Mon vote : voix enregistrée");
        // The election: Anne ticks her own name; for Bruno's proxy she leaves the ballot blank.
        var electionBallot = annePage.GetByRole(AriaRole.Article, new() { Name = "N° 2 : Élection au bureau" });
        await electionBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote : cochez au plus 1 nom(s)" }).GetByLabel("Claire Parcours-Présente").CheckAsync();
        await Forms.ClickToNextPageAsync(annePage, electionBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote : cochez au plus 1 nom(s)" }).GetByRole(AriaRole.Button, new() { Name = "Voter" }));
        await Forms.ClickToNextPageAsync(annePage, electionBallot.GetByRole(AriaRole.Group, new() { Name = "Pour Claire Parcours-Pouvoir (pouvoir) : cochez au plus 1 nom(s)" }).GetByRole(AriaRole.Button, new() { Name = "Voter" }));
        await Expect(electionBallot).ToContainTextAsync("Pour Claire Parcours-Pouvoir (pouvoir) : voix enregistrée");
        var statutesBallot = annePage.GetByRole(AriaRole.Article, new() { Name = "N° 3 : Modification des statuts" });
        await statutesBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote" }).GetByLabel("Pour").CheckAsync();
        await Forms.ClickToNextPageAsync(annePage, statutesBallot.GetByRole(AriaRole.Group, new() { Name = "Mon vote" }).GetByRole(AriaRole.Button, new() { Name = "Voter" }));
        await Expect(statutesBallot).ToContainTextAsync("Mon vote : voix enregistrée");
        await Axe.AssertAccessibleAsync(annePage);

        await board.GotoAsync(manage);
        await Forms.ClickToNextPageAsync(board, report.GetByRole(AriaRole.Button, new() { Name = "Clore le vote et compter" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Rejetée : 1 pour, 1 contre, 0 abstention(s)");
        await election.GetByLabel("Voix pour Claire Parcours-Présente (dans la salle)").FillAsync("0");
        await Forms.ClickToNextPageAsync(board, election.GetByRole(AriaRole.Button, new() { Name = "Clore le vote et compter" }));
        await Expect(election).ToContainTextAsync("Élu·e(s) : Claire Parcours-Présente (1 voix). 1 bulletin(s) blanc(s).");
        // Per collège: the room's counts are entered for each collège of the convened, then each collège's count is shown.
        var college = await portal.WithDbAsync(db => db.Colleges.OrderBy(c => c.SortOrder).Select(c => c.Name).FirstAsync());
        await statutes.GetByRole(AriaRole.Group, new() { Name = $"Dans la salle, collège {college}" }).GetByLabel("Pour").FillAsync("1");
        await Forms.ClickToNextPageAsync(board, statutes.GetByRole(AriaRole.Button, new() { Name = "Clore le vote et compter" }));
        await Expect(statutes).ToContainTextAsync("Adoptée : 2 pour, 0 contre, 0 abstention(s)");
        await Expect(statutes.GetByRole(AriaRole.Row, new() { Name = college }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("atteinte");
        await Axe.AssertAccessibleAsync(board);
        await Forms.ClickToNextPageAsync(board, election.GetByRole(AriaRole.Button, new() { Name = "Installer les élus au bureau" }));
        await Expect(board.Locator("main")).ToContainTextAsync("Les élus sont installés au bureau");
        Assert.True(await portal.WithDbAsync(db => db.BureauMandates.AnyAsync(m => m.UserId == anne.Id && m.ClosedAt == null)));
        await annePage.GotoAsync($"/espace/reunions/{meetingId}");
        await Expect(annePage.Locator("main")).ToContainTextAsync("Rejetée : 1 pour, 1 contre");
        await Expect(annePage.Locator("main")).ToContainTextAsync("Élu·e(s) : Claire Parcours-Présente (1 voix)");
        await LivePortal.ScreenshotAsync(board, journey, "2-resultat");
    }

    [GeneratedRegex(@"/gestion/reunions/[0-9a-f-]{36}$")]
    private static partial Regex ManagePage();
}
