using System.Text.RegularExpressions;
using Aposart.EndToEnd.Support;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

public sealed partial class MembershipJourneyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task A_new_professional_registers_confirms_by_mail_applies_is_approved_by_the_bureau_and_appears_in_the_directory()
    {
        const string journey = "adhesion";
        var email = PortalFactory.NewEmail("parcours");
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/compte/inscription");
        await Forms.FillAsync(page, new Dictionary<string, string>
        {
            ["FirstName"] = "Ségolène", ["LastName"] = "Parcours-Chromium", ["Email"] = email,
            ["Password"] = PortalFactory.Password, ["ConfirmPassword"] = PortalFactory.Password, ["AcceptPrivacy"] = "true",
        });
        await LivePortal.ScreenshotAsync(page, journey, "1-inscription");
        await Forms.SubmitAsync(page, "/compte/inscription");
        await Expect(page).ToHaveURLAsync(VerifyMail());

        var mail = await portal.Smtp.SingleMessageToAsync(email);
        await page.GotoAsync(MailLinks.PathOf(mail, "/compte/confirmation"));
        await Expect(page.Locator("main")).ToContainTextAsync("Adresse confirmée");

        await page.GotoAsync("/compte/connexion");
        await Forms.FillAsync(page, new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalFactory.Password });
        await Forms.SubmitAsync(page, "/compte/connexion");
        await Expect(page.Locator("form[action='/compte/deconnexion']")).ToHaveCountAsync(1);

        await page.GotoAsync("/espace/profil");
        var profile = Steps.Profile(email, "Parcours-Chromium");
        profile["Input.FirstName"] = "Ségolène";
        await Forms.FillAsync(page, profile, "form[action='/espace/profil']");
        await LivePortal.ScreenshotAsync(page, journey, "2-profil");
        await Forms.SubmitAsync(page, "/espace/profil");
        await Expect(page.Locator(".is-invalid")).ToHaveCountAsync(0);

        await page.GotoAsync("/espace/adhesion");
        var college = await page.Locator("select[name='Input.CollegeId'] option:not([value=''])").First.GetAttributeAsync("value");
        await Forms.FillAsync(page, new Dictionary<string, string>
        {
            ["Input.CollegeId"] = college!, ["Input.FeeCategory"] = nameof(FeeCategory.Individual),
            ["Input.PaymentMethod"] = nameof(PaymentMethod.Cheque), ["Input.AcceptStatutes"] = "true",
        });
        await Forms.SubmitAsync(page, "/espace/adhesion");
        await Expect(page.Locator("main")).ToContainTextAsync("En attente de validation");
        await LivePortal.ScreenshotAsync(page, journey, "3-adhesion-demandee");

        var board = await portal.CreateUserAsync(PortalFactory.NewEmail("bureau"), Roles.Professional, Roles.Member, Roles.Board);
        var bureau = await portal.SignedInPageAsync(board.Email!);
        await bureau.GotoAsync("/gestion/adhesions");
        await bureau.GetByRole(AriaRole.Link, new() { NameRegex = ParcoursName() }).First.ClickAsync();
        await LivePortal.ScreenshotAsync(bureau, journey, "4-decision-bureau");
        await Forms.ClickToNextPageAsync(bureau, bureau.Locator("form[action$='/valider'] [type=submit]").First);
        await Expect(bureau.Locator("main")).ToContainTextAsync("validée");

        await page.GotoAsync("/espace/adhesion");
        await Expect(page.Locator("main")).ToContainTextAsync("Votre adhésion est validée");

        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/annuaire?q=Parcours-Chromium");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Parcours-Chromium");
        await LivePortal.ScreenshotAsync(visitor, journey, "5-annuaire");
    }

    [GeneratedRegex("/compte/inscription/verifiez-vos-courriels$")]
    private static partial Regex VerifyMail();

    [GeneratedRegex("Parcours-Chromium", RegexOptions.IgnoreCase)]
    private static partial Regex ParcoursName();
}
