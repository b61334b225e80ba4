using Aposart.EndToEnd.Support;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Accessibility;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the public pages and the main member and back-office pages, with the demo data in them.</summary>
[Collection(DemoCollection.Name)]
public sealed class AccessibilityTests(DemoLivePortal portal)
{
    private async Task<string[]> PublicPagesAsync()
    {
        var (training, letter, professional, article, structure) = await portal.WithDbAsync(async db => (
            await db.Trainings.Where(t => t.Status == Web.Domain.TrainingStatus.Published).Select(t => t.Id).FirstAsync(),
            await db.Campaigns.Where(c => c.Kind == Web.Domain.CampaignKind.QuarterlyLetter && c.Status == Web.Domain.CampaignStatus.Sent).Select(c => c.Id).FirstAsync(),
            await db.Professionals.Where(p => p.ListedInPublicDirectory && p.AnonymisedAt == null).Select(p => p.Id).FirstAsync(),
            await db.Articles.Select(a => a.Id).FirstAsync(),
            await db.Organisations.Select(o => o.Id).FirstAsync()));
        return
        [
            "/", "/la-cpts", "/annuaire", "/annuaire?profession=Nurse", $"/annuaire/{professional}", "/annuaire/structures", $"/annuaire/structures/{structure}",
            "/formations", $"/formations/{training}", "/actions", "/lettres", $"/lettres/{letter}", "/vaccination", "/actualites", $"/actualites/{article}",
            "/contact", "/mentions-legales", "/confidentialite", "/accessibilite", "/agenda",
            $"/agenda/reunions/{await portal.WithDbAsync(db => db.Meetings.Where(m => m.Kind == Web.Domain.MeetingKind.Public).Select(m => m.Id).FirstAsync())}",
            $"/agenda/inscriptions/{await portal.WithDbAsync(db => db.PublicRegistrations.Select(r => r.Token).FirstAsync())}",
            "/compte/connexion", "/compte/inscription", "/compte/mot-de-passe-oublie", "/compte/renvoyer-confirmation", "/erreur/404",
        ];
    }

    private async Task<string[]> MemberPagesAsync()
    {
        var assembly = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Status == Web.Domain.MeetingStatus.Convened).Select(m => m.Id).FirstAsync());
        var group = await portal.WithDbAsync(db => db.WorkingGroups.Select(g => g.Id).FirstAsync());
        return
        [
            "/espace", "/espace/profil", "/espace/adhesion", "/espace/formations", "/espace/preferences", "/espace/mes-donnees", "/espace/annuaire",
            "/espace/documents", "/espace/snp", "/espace/planning", "/espace/indemnisation", "/compte/securite", "/espace/reunions", $"/espace/reunions/{assembly}",
            "/espace/groupes", $"/espace/groupes/{group}",
        ];
    }

    private async Task<string[]> BackOfficePagesAsync()
    {
        var (fiche, letter, training, membership, account) = await portal.WithDbAsync(async db => (
            await db.ActionSheets.OrderBy(a => a.Number).Select(a => a.Id).FirstAsync(),
            await db.Campaigns.Select(c => c.Id).FirstAsync(),
            await db.Trainings.Select(t => t.Id).FirstAsync(),
            await db.Memberships.Select(m => m.Id).FirstAsync(),
            await db.Users.Where(u => u.Email == "bureau@demo.aposart.fr").Select(u => u.Id).FirstAsync()));
        var held = await portal.WithDbAsync(db => db.Meetings.Where(m => m.Status == Web.Domain.MeetingStatus.Held && m.Kind == Web.Domain.MeetingKind.Board).Select(m => m.Id).FirstAsync());
        return
        [
            "/espace", "/gestion/comptes", $"/gestion/comptes/{account}", "/gestion/comptes/inviter", "/gestion/comptes/bureau", "/gestion/parametres", "/gestion/mise-en-route", "/gestion/etat", "/gestion/rpps", "/gestion/rpps/recensement", "/gestion/import", "/gestion/adhesions", $"/gestion/adhesions/{membership}", "/gestion/membres", "/gestion/paiements/nouveau", "/gestion/structures", "/gestion/rgpd",
            "/gestion/fiches", $"/gestion/fiches/{fiche}", $"/gestion/fiches/{fiche}/modifier", "/gestion/fiches/nouvelle",
            "/gestion/formations", $"/gestion/formations/{training}", "/gestion/formations/nouvelle",
            "/gestion/lettres", "/gestion/lettres/nouvelle", $"/gestion/lettres/{letter}",
            "/gestion/tableau-de-bord", "/gestion/aci", "/gestion/snp", "/gestion/sas", "/gestion/vaccination", "/gestion/vaccination/nouveau", "/gestion/actualites", "/gestion/documents",
            "/gestion/indemnisation", "/gestion/contact",
            "/gestion/reunions", "/gestion/reunions/nouvelle", "/gestion/reunions/regles", $"/gestion/reunions/{await portal.WithDbAsync(db => db.Meetings.Where(m => m.Status == Web.Domain.MeetingStatus.Convened).Select(m => m.Id).FirstAsync())}",
            $"/gestion/reunions/{held}", $"/gestion/reunions/{held}/compte-rendu",
            "/gestion/groupes", "/gestion/groupes/nouveau", $"/gestion/groupes/{await portal.WithDbAsync(db => db.WorkingGroups.Select(g => g.Id).FirstAsync())}",
        ];
    }

    [Fact]
    public async Task Public_pages_have_no_WCAG_2_1_AA_violation()
    {
        var page = await portal.NewPageAsync();
        await AssertNoViolationsAsync(page, await PublicPagesAsync());
    }

    [Fact]
    public async Task Member_pages_have_no_WCAG_2_1_AA_violation()
    {
        var page = await portal.SignedInPageAsync("medecin@demo.aposart.fr", Web.Tests.Support.PortalFactory.DemoPassword);
        await AssertNoViolationsAsync(page, await MemberPagesAsync());
    }

    [Fact]
    public async Task Back_office_pages_have_no_WCAG_2_1_AA_violation()
    {
        var page = await portal.SignedInPageAsync("admin@demo.aposart.fr", Web.Tests.Support.PortalFactory.DemoPassword);
        await AssertNoViolationsAsync(page, await BackOfficePagesAsync());
    }

    private static async Task AssertNoViolationsAsync(IPage page, IEnumerable<string> urls)
    {
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response is not null && (response.Ok || url.StartsWith("/erreur/", StringComparison.Ordinal)), $"{url}: {response?.Status}");
            Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
            var result = await page.RunAxe(Axe.Wcag21AA);
            checkedPages++;
            foreach (var violation in result.Violations)
            {
                problems.Add($"{url}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} violation(s) on {checkedPages} page(s):\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Logging_in_works_with_the_keyboard_alone()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await TabToAsync(page, "Email");
        await page.Keyboard.TypeAsync("membre@demo.aposart.fr");
        await TabToAsync(page, "Password");
        await page.Keyboard.TypeAsync(Web.Tests.Support.PortalFactory.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("form[action='/compte/deconnexion']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Registering_works_with_the_keyboard_alone_and_the_first_tab_offers_to_skip_to_the_content()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/compte/inscription");
        await page.Keyboard.PressAsync("Tab");
        var skip = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') || ''");
        Assert.Equal("#contenu", skip);

        var email = Web.Tests.Support.PortalFactory.NewEmail("clavier");
        foreach (var (field, text) in new[] { ("FirstName", "Inès"), ("LastName", "Clavier"), ("Email", email),
            ("Password", Web.Tests.Support.PortalFactory.Password), ("ConfirmPassword", Web.Tests.Support.PortalFactory.Password) })
        {
            await TabToAsync(page, field);
            await page.Keyboard.TypeAsync(text);
        }
        await TabToAsync(page, "AcceptPrivacy");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compte/inscription/verifiez-vos-courriels$"));
        Assert.NotEmpty(await portal.Smtp.MessagesToAsync(email));
    }

    /// <summary>Presses Tab until the named field has the focus, as a keyboard user moves through the form; fails if it never comes.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 25; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('name') || ''") == name)
            {
                return;
            }
        }
        Assert.Fail($"The field {name} never got the keyboard focus on {page.Url}");
    }
}
