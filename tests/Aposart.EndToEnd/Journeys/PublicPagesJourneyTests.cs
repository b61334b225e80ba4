using Aposart.EndToEnd.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

[Collection(DemoCollection.Name)]
public sealed class PublicPagesJourneyTests(DemoLivePortal portal)
{
    [Fact]
    public async Task The_public_reads_vaccination_the_fiches_action_and_the_letters_without_an_account()
    {
        const string journey = "public";
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await LivePortal.ScreenshotAsync(page, journey, "1-accueil");

        await Forms.ClickToNextPageAsync(page, page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Vaccination" }));
        await Expect(page.Locator("h1")).ToContainTextAsync("vacciner");
        var centre = await portal.WithDbAsync(db => db.VaccinationCentres.OrderBy(c => c.Name).Select(c => c.Name).FirstAsync());
        await Expect(page.Locator("main")).ToContainTextAsync(centre);
        await LivePortal.ScreenshotAsync(page, journey, "2-vaccination");

        await Forms.ClickToNextPageAsync(page, page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Nos actions" }));
        var fiche = await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Published).OrderBy(a => a.Number).Select(a => a.Title).FirstAsync());
        await Expect(page.Locator("main")).ToContainTextAsync(fiche);
        await LivePortal.ScreenshotAsync(page, journey, "3-actions");

        await Forms.ClickToNextPageAsync(page, page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Lettres" }));
        var letter = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Kind == Web.Domain.CampaignKind.QuarterlyLetter && c.Status == Web.Domain.CampaignStatus.Sent)
            .Select(c => c.Subject).FirstAsync());
        await LivePortal.ScreenshotAsync(page, journey, "4-lettres");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = letter }).First);
        await Expect(page.Locator("h1")).ToContainTextAsync(letter);
        await LivePortal.ScreenshotAsync(page, journey, "5-lettre");
    }
}
