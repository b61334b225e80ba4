using Aposart.EndToEnd.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

/// <summary>The server-drawn maps in a real browser: clicked, reached by keyboard, read at 320 px, and the centre form's map clicked.</summary>
[Collection(DemoCollection.Name)]
public sealed class MapsJourneyTests(DemoLivePortal portal)
{
    [Fact]
    public async Task Clicking_gazeran_on_the_territory_map_lists_the_professionals_who_practise_there()
    {
        var listed = await portal.WithDbAsync(db => db.Professionals
            .Where(p => p.ListedInPublicDirectory && p.AnonymisedAt == null && !p.AwaitingConsent && p.PracticeSites.Any(s => s.CommuneInsee == "78269"))
            .Select(p => p.LastName).ToListAsync());
        Assert.NotEmpty(listed);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/la-cpts");
        var gazeran = page.Locator("#carte-territoire").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Gazeran, 1.492 habitants$") });
        await Expect(gazeran).ToHaveCountAsync(1);
        await LivePortal.ScreenshotAsync(page, "cartes", "1-territoire");
        await Forms.ClickToNextPageAsync(page, gazeran);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/annuaire\\?commune=78269$"));
        await Expect(page.Locator("#commune")).ToHaveValueAsync("78269");
        await Expect(page.Locator("article.directory-card")).ToHaveCountAsync(Math.Min(listed.Count, 20));
        foreach (var name in listed.Take(20))
        {
            await Expect(page.Locator("main")).ToContainTextAsync(name);
        }
        // The directory's map says how many were found there, and marks the commune chosen.
        await Expect(page.Locator("#carte-annuaire a[aria-current='true']")).ToHaveAttributeAsync("aria-label", $"Gazeran : {(listed.Count == 1 ? "1 professionnel" : $"{listed.Count} professionnels")} (commune choisie)");
        await LivePortal.ScreenshotAsync(page, "cartes", "2-annuaire-gazeran");
    }

    [Fact]
    public async Task A_keyboard_user_reaches_each_commune_by_tab_and_opens_it_with_enter()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/la-cpts");
        await page.Locator("#carte-territoire a").First.FocusAsync();
        var names = new List<string>();
        for (var i = 0; i < 36; i++)
        {
            names.Add(await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') || ''"));
            await page.Keyboard.PressAsync("Tab");
        }
        // Every commune takes the focus once, with its name and population, in the map's order.
        Assert.Equal(36, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(@"^[^,]+, [0-9\s]+ habitants$", n));
        await page.Locator("#carte-territoire a").Nth(3).FocusAsync();
        var expected = await page.Locator("#carte-territoire a").Nth(3).GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(expected!) + "$"));
    }

    [Fact]
    public async Task At_320_pixels_the_pages_with_maps_do_not_scroll_sideways_and_the_directory_folds_its_map()
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(320, 800);
        foreach (var url in new[] { "/la-cpts", "/annuaire", "/vaccination" })
        {
            await page.GotoAsync(url);
            if (url == "/annuaire")
            {
                // The directory folds its map on a narrow screen once its script has run: wait for that state, then unfold it to measure.
                await page.WaitForFunctionAsync("() => !document.querySelector('details.directory-map').open");
                await page.Locator("details.directory-map > summary").ClickAsync();
            }
            var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            Assert.True(scroll <= width, $"{url} is {scroll} px wide in a {width} px window");
            var svg = await page.Locator("svg.territory-map-svg").First.BoundingBoxAsync();
            Assert.True(svg is { Width: > 200 and <= 320 }, $"{url}: the map is {svg?.Width} px wide");
        }
        await page.GotoAsync("/annuaire");
        await page.WaitForFunctionAsync("() => !document.querySelector('details.directory-map').open");
        await LivePortal.ScreenshotAsync(page, "cartes", "3-annuaire-320px");
    }

    [Fact]
    public async Task A_click_on_the_centre_forms_map_fills_the_coordinates_and_the_centre_is_drawn_there()
    {
        var page = await portal.SignedInPageAsync("admin@demo.aposart.fr", Web.Tests.Support.PortalFactory.DemoPassword);
        await page.GotoAsync("/gestion/vaccination/nouveau");
        await page.Locator("#Input_CommuneInsee").SelectOptionAsync("78517");
        // Without coordinates, the marker stands in the middle of the commune chosen.
        var marker = page.Locator(".centre-map .map-marker circle");
        await Expect(marker).ToHaveAttributeAsync("visibility", "visible");
        var rambouillet = (await page.Locator(".centre-map path[data-insee='78517']").BoundingBoxAsync())!;
        var x = rambouillet.X + rambouillet.Width / 2;
        var y = rambouillet.Y + rambouillet.Height / 2;
        await page.Mouse.ClickAsync(x, y);
        await Expect(page.Locator("#Input_Latitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^48,6[0-9]{5}$"));
        await Expect(page.Locator("#Input_Longitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^1,[78][0-9]{5}$"));
        var placed = (await marker.BoundingBoxAsync())!;
        Assert.InRange(placed.X + placed.Width / 2, x - 2, x + 2);
        Assert.InRange(placed.Y + placed.Height / 2, y - 2, y + 2);

        await page.Locator("#Input_Name").FillAsync("Centre posé sur la carte");
        await page.Locator("#Input_Address").FillAsync("Salle des fêtes");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/gestion/vaccination$"));
        var saved = await portal.WithDbAsync(db => db.VaccinationCentres.Where(c => c.Name == "Centre posé sur la carte").Select(c => new { c.Id, c.Latitude, c.Longitude }).SingleAsync());
        Assert.InRange(saved.Latitude!.Value, 48.60, 48.70);
        Assert.InRange(saved.Longitude!.Value, 1.75, 1.90);
        await Expect(page.Locator($"#carte-plannings a[href='/gestion/vaccination/{saved.Id}/planning']")).ToHaveCountAsync(1);
        await portal.WithDbAsync(db => db.VaccinationCentres.Where(c => c.Id == saved.Id).ExecuteDeleteAsync());
    }
}
