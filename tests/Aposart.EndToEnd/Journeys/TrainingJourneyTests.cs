using Aposart.EndToEnd.Support;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

public sealed class TrainingJourneyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task The_coordinator_creates_a_training_a_member_registers_and_receives_the_confirmation()
    {
        const string journey = "formation";
        var coordinatorUser = await portal.CreateUserAsync(PortalFactory.NewEmail("coordination"), Roles.Professional, Roles.Coordinator);
        var coordinator = await portal.SignedInPageAsync(coordinatorUser.Email!);
        await coordinator.GotoAsync("/gestion/formations/nouvelle");
        var fields = TrainingSteps.Training(portal, "Plaies chroniques en ville", capacity: 12);
        await Forms.FillAsync(coordinator, fields, "form[action='/gestion/formations/nouvelle']");
        await LivePortal.ScreenshotAsync(coordinator, journey, "1-creation");
        await Forms.SubmitAsync(coordinator, "/gestion/formations/nouvelle");
        await Expect(coordinator.Locator("main")).ToContainTextAsync("créée");

        var member = await portal.CreateUserAsync(PortalFactory.NewEmail("adherente"), Roles.Professional, Roles.Member);
        var page = await portal.SignedInPageAsync(member.Email!);
        await page.GotoAsync("/espace/profil");
        await Forms.FillAsync(page, Steps.Profile(member.Email!, "Formée"), "form[action='/espace/profil']");
        await Forms.SubmitAsync(page, "/espace/profil");
        await Expect(page.Locator(".is-invalid")).ToHaveCountAsync(0);
        await page.GotoAsync("/formations");
        await LivePortal.ScreenshotAsync(page, journey, "2-calendrier");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Plaies chroniques en ville" }).First);
        await LivePortal.ScreenshotAsync(page, journey, "3-fiche-formation");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "M'inscrire" }));
        await Expect(page.Locator("main")).ToContainTextAsync("Inscription confirmée");
        await LivePortal.ScreenshotAsync(page, journey, "4-inscrit");

        var mails = await portal.Smtp.MessagesToAsync(member.Email!);
        var confirmation = Assert.Single(mails, m => (m.Subject ?? "").Contains("Inscription confirmée : Plaies chroniques en ville", StringComparison.Ordinal));
        Assert.Contains(confirmation.Attachments, a => a.ContentType.MimeType == "text/calendar");

        await page.GotoAsync("/espace/formations");
        await Expect(page.Locator("main")).ToContainTextAsync("Plaies chroniques en ville");
    }
}
