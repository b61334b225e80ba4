using Aposart.EndToEnd.Support;
using Aposart.Web.Domain;
using Aposart.Web.Features.Register;
using Aposart.Web.Tests.Features.Import;
using Aposart.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

/// <summary>
/// Bringing the territory's data in, in Chromium: the coordinator's spreadsheet through its four screens (each checked
/// with axe), the invitations' progress counted live, and a professional whose RPPS number fills their identity from the register.
/// </summary>
public sealed class ImportJourneyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task The_coordinator_imports_the_spreadsheet_fixes_it_in_the_preview_and_sends_the_invitations_and_a_typed_rpps_fills_a_profile()
    {
        const string journey = "import";
        var coordinator = await portal.CreateUserAsync(PortalFactory.NewEmail("coord"), Roles.Professional, Roles.Coordinator);
        var page = await portal.SignedInPageAsync(coordinator.Email!);
        var sheet = new MembersSpreadsheet();
        var file = Path.Combine(Path.GetTempPath(), $"adherents-{sheet.Tag}.csv");
        await File.WriteAllBytesAsync(file, sheet.Csv());

        await page.GotoAsync("/gestion/import");
        await page.Locator("#spreadsheet").SetInputFilesAsync(file);
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lire le fichier" }));
        await Expect(page.Locator("main")).ToContainTextAsync("Windows-1252");
        await Axe.AssertAccessibleAsync(page);
        await page.Locator("#CollegeId").SelectOptionAsync(new SelectOptionValue { Label = "Autres professions de santé" });
        await LivePortal.ScreenshotAsync(page, journey, "1-colonnes");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }));
        await Expect(page.Locator("[data-count=blocked]")).ToHaveTextAsync("6");
        await Axe.AssertAccessibleAsync(page);

        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Voir les lignes à corriger" }));
        await page.GetByLabel("Profession (ligne 11)").SelectOptionAsync(new SelectOptionValue { Label = "Médecin généraliste" });
        await page.GetByLabel("Adresse e-mail (ligne 21)").FillAsync($"membre20-{sheet.Tag}@exemple.fr");
        var rpps = sheet.Rows[29][3][..10];
        await page.GetByLabel("N° RPPS ou ADELI (ligne 31)").FillAsync(rpps + Enumerable.Range(0, 10).First(k => Steps.Luhn(rpps + k)));
        await page.GetByLabel("Commune (ligne 41)").FillAsync("Rambouillet");
        await page.GetByLabel("Ignorer la ligne 62").CheckAsync();
        await page.GetByLabel("Ignorer la ligne 72").CheckAsync();
        await LivePortal.ScreenshotAsync(page, journey, "2-corrections");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les corrections de cette page" }));
        await Expect(page.Locator("[data-count=blocked]")).ToHaveTextAsync("0");
        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Importer 88 ligne(s)" }));
        await Expect(page.Locator("main")).ToContainTextAsync("Import terminé : 88 fiche(s) créée(s)");

        await Forms.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Inviter 88 personne(s) à réclamer leur fiche" }));
        // The count grows while the outbox sends, without reloading the page.
        await Expect(page.Locator("#import-progress [data-field=sent]")).ToHaveTextAsync("88", new() { Timeout = 60_000 });
        await Expect(page.Locator("#import-progress [data-field=pending]")).ToHaveTextAsync("0");
        await Axe.AssertAccessibleAsync(page);
        await LivePortal.ScreenshotAsync(page, journey, "3-compte-rendu");
        File.Delete(file);

        // The register, uploaded on its page: the script sends it with its progress and shows the portal's answer.
        await page.GotoAsync(RegisterLinks.Index);
        await page.Locator("#register-file").SetInputFilesAsync(Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer le registre" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Registre importé : 14 situation(s) d'exercice du territoire retenue(s) sur 30 lignes lues");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/gestion/rpps$"));
        await Expect(page.Locator("#member-check")).ToBeVisibleAsync();
        var doctor = await portal.CreateUserAsync(PortalFactory.NewEmail("landry"), Roles.Professional);
        var profile = await portal.SignedInPageAsync(doctor.Email!);
        await profile.GotoAsync("/espace/profil");
        await profile.Locator("#Input_FirstName").FillAsync("");
        await profile.Locator("#Input_LastName").FillAsync("");
        await profile.Locator("#Input_Rpps").PressSequentiallyAsync("10090000018");
        await Expect(profile.Locator("#Input_LastName")).ToHaveValueAsync("Fictif-Landry");
        await Expect(profile.Locator("#Input_FirstName")).ToHaveValueAsync("Aurèle");
        await Expect(profile.Locator("#Input_Profession")).ToHaveValueAsync(nameof(Profession.GeneralPractitioner));
        await Expect(profile.Locator("#rpps-register")).ToContainTextAsync("Trouvé dans le registre national (RPPS)");
        await LivePortal.ScreenshotAsync(profile, journey, "4-rpps");
    }
}
