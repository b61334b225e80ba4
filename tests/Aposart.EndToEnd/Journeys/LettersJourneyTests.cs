using System.Text.RegularExpressions;
using Aposart.EndToEnd.Support;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Letters;
using Aposart.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

public sealed partial class LettersJourneyTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private async Task<IPage> StaffAsync(string role)
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail(role.ToLowerInvariant()), Roles.Professional, Roles.Member, role);
        return await portal.SignedInPageAsync(user.Email!);
    }

    /// <summary>Writes in the editor, watching the live preview render the Markdown, and saves the draft.</summary>
    private static async Task WriteAsync(IPage page, string kind, string subject, string body, string audience, string? profession = null)
    {
        await page.GotoAsync("/gestion/lettres/nouvelle");
        var fields = new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Subject"] = subject, ["Input.Body"] = body, ["Input.Audience"] = audience };
        if (profession is not null)
        {
            fields["Input.Professions"] = profession;
        }
        await Forms.FillAsync(page, fields, "#letter-form");
        await Expect(page.Locator("#letter-preview strong")).ToHaveTextAsync("nouvelles");
    }

    [Fact]
    public async Task A_flashmail_to_one_profession_reaches_only_it_and_a_quarterly_letter_leaves_after_two_bureau_approvals()
    {
        const string journey = "lettres";
        var nurses = await LetterSteps.ProfessionalsAsync(portal, Profession.Nurse, 2, "idel");
        var pharmacists = await LetterSteps.ProfessionalsAsync(portal, Profession.Pharmacist, 1, "officine");
        var coordinator = await StaffAsync(Roles.Coordinator);
        var confirmations = new List<string>();
        coordinator.Dialog += (_, dialog) => confirmations.Add(dialog.Message);

        await WriteAsync(coordinator, nameof(CampaignKind.Flashmail), "Tournées de décembre", "Les **nouvelles** tournées des IDEL.", nameof(AudienceKind.Professions), nameof(Profession.Nurse));
        await LivePortal.ScreenshotAsync(coordinator, journey, "1-flashmail-editeur");
        await Forms.SubmitAsync(coordinator, "/gestion/lettres/nouvelle");
        await Forms.ClickToNextPageAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" }));
        Assert.Contains("2 adresse(s)", confirmations.Last());
        // The progress line follows the mailer by itself, without reloading.
        await Expect(coordinator.Locator("#letter-progress [data-field='sent']")).ToHaveTextAsync("2", new() { Timeout = 20_000 });
        await Expect(coordinator.Locator("#letter-status")).ToHaveTextAsync(SentStatus(), new() { Timeout = 20_000 });
        await LivePortal.ScreenshotAsync(coordinator, journey, "2-flashmail-envoye");
        foreach (var nurse in nurses)
        {
            var mail = Assert.Single(await portal.Smtp.MessagesToAsync(nurse));
            Assert.Equal("Tournées de décembre", mail.Subject);
            Assert.Contains("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        }
        Assert.Empty(await portal.Smtp.MessagesToAsync(pharmacists[0], timeout: TimeSpan.FromSeconds(1)));

        await WriteAsync(coordinator, nameof(CampaignKind.QuarterlyLetter), "Lettre de l'hiver", "Les **nouvelles** du trimestre.", nameof(AudienceKind.DirectoryProfessionals));
        await Forms.SubmitAsync(coordinator, "/gestion/lettres/nouvelle");
        var letterUrl = coordinator.Url;
        await Forms.ClickToNextPageAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "Soumettre au bureau" }));
        await Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" })).ToHaveCountAsync(0);

        foreach (var (member, shot) in new[] { (await StaffAsync(Roles.Board), "3-approbation-bureau"), (await StaffAsync(Roles.Board), "") })
        {
            await member.GotoAsync(letterUrl);
            if (shot.Length > 0)
            {
                await LivePortal.ScreenshotAsync(member, journey, shot);
            }
            await Forms.ClickToNextPageAsync(member, member.GetByRole(AriaRole.Button, new() { Name = "Approuver" }));
        }

        await coordinator.GotoAsync(letterUrl);
        await Forms.ClickToNextPageAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" }));
        await Expect(coordinator.Locator("#letter-progress [data-field='sent']")).ToHaveTextAsync("3", new() { Timeout = 20_000 });
        await Expect(coordinator.Locator("#letter-status")).ToHaveTextAsync(SentStatus(), new() { Timeout = 20_000 });
        await LivePortal.ScreenshotAsync(coordinator, journey, "4-lettre-envoyee");
        foreach (var address in nurses.Concat(pharmacists))
        {
            Assert.Contains(await portal.Smtp.MessagesToAsync(address, atLeast: address.StartsWith("idel", StringComparison.Ordinal) ? 2 : 1), m => m.Subject == "Lettre de l'hiver");
        }

        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/lettres");
        await Forms.ClickToNextPageAsync(visitor, visitor.GetByRole(AriaRole.Link, new() { Name = "Lettre de l'hiver" }));
        await Expect(visitor.Locator("main strong")).ToHaveTextAsync("nouvelles");
        await LivePortal.ScreenshotAsync(visitor, journey, "5-archive-publique");
    }

    [GeneratedRegex("^[Ee]nvoyée$")]
    private static partial Regex SentStatus();
}
