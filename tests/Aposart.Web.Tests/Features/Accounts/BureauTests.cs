using Aposart.Web.Domain;
using Aposart.Web.Features.Accounts;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Accounts;

public sealed class BureauTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<string> RunJobAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BureauMandates>().RunAsync(CancellationToken.None);
    }

    private static async Task<Page> OpenMandateAsync(Browser admin, Guid userId, BureauTitle title, string startsOn, string endsOn = "") =>
        await admin.SubmitAsync(await admin.GetAsync(AccountsLinks.Bureau), AccountsLinks.Bureau, new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(), ["Input.Title"] = title.ToString(), ["Input.StartsOn"] = startsOn, ["Input.EndsOn"] = endsOn,
        });

    [Fact]
    public async Task A_treasurer_named_by_the_admin_gets_the_bureau_role_and_appears_on_the_public_page_only_once_she_agrees()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (treasurer, user, _) = await Steps.ApplicantAsync(portal, "Trésorière");
        Assert.True((await treasurer.GetAsync("/gestion/adhesions")).IsRefused);

        var opened = await OpenMandateAsync(admin, user.Id, BureauTitle.Treasurer, "2026-01-10");
        Assert.Contains("Mandat enregistré", opened.Text);
        Assert.False((await treasurer.GetAsync("/gestion/adhesions")).IsRefused, "the Bureau role counts at the person's next page");
        var mail = await portal.Smtp.MessagesToAsync(user.Email!, where: m => m.Subject == "Vos accès au portail ont changé");
        Assert.Contains("Bureau", Assert.Single(mail).TextBody);
        Assert.Contains("Mandat au bureau", (await admin.GetAsync(AccountsLinks.Details(user.Id))).Text);

        var anonymous = portal.NewBrowser();
        var name = $"{user.FirstName} {user.LastName}";
        Assert.DoesNotContain(name, (await anonymous.GetAsync("/la-cpts")).Text);

        var home = await treasurer.GetAsync("/espace");
        Assert.Contains("Mon mandat au bureau : Trésorier·e", home.Text);
        await treasurer.SubmitAsync(home, AccountsLinks.MyBureauConsent, new Dictionary<string, string>());
        var page = await anonymous.GetAsync("/la-cpts");
        Assert.Contains($"Trésorier·e : {name} (Médecins généralistes)", page.Text);
        Assert.Contains("Composition mise à jour le", page.Text);

        // A second treasurer at the same time is refused next to the field, and nothing is lost of the form.
        var (_, other, _) = await Steps.ApplicantAsync(portal, "Seconde");
        var refused = await OpenMandateAsync(admin, other.Id, BureauTitle.Treasurer, "2026-02-01");
        Assert.Contains("Un mandat de trésorier·e est déjà ouvert", refused.Find("#Input_EndsOn-error")!.TextContent);
        Assert.Equal("2026-02-01", refused.ValueOf("Input.StartsOn"));
    }

    [Fact]
    public async Task A_mandate_ending_warns_the_admins_once_a_month_before_and_its_end_takes_the_bureau_role_back()
    {
        var (admin, adminUser) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (secretary, user) = await portal.SignedInAsync(Roles.Professional);
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
        var ends = today.AddDays(20);
        Assert.Contains("Mandat enregistré", (await OpenMandateAsync(admin, user.Id, BureauTitle.Secretary, today.AddYears(-1).ToString("yyyy-MM-dd"), ends.ToString("yyyy-MM-dd"))).Text);
        Assert.False((await secretary.GetAsync("/gestion/adhesions")).IsRefused);

        await RunJobAsync();
        await RunJobAsync();
        var warnings = await portal.Smtp.MessagesToAsync(adminUser.Email!, where: m => m.Subject == "Des mandats au bureau se terminent bientôt");
        Assert.Single(warnings);
        Assert.Contains($"jusqu'au {ends:dd/MM/yyyy}", warnings[0].TextBody);

        portal.Clock.Advance(TimeSpan.FromDays(21));
        try
        {
            Assert.Contains("1 mandat(s) terminé(s)", await RunJobAsync());
            Assert.Contains("0 mandat(s) terminé(s)", await RunJobAsync());
            // Three weeks later the old session has lapsed: she signs in again, without the role.
            var back = portal.NewBrowser();
            Assert.True((await back.LogInAsync(user.Email!, PortalFactory.Password)).IsSignedIn);
            Assert.True((await back.GetAsync("/gestion/adhesions")).IsRefused, "the revoked role no longer counts");
            var audit = await portal.WithDbAsync(db => db.AccountAudits.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
            Assert.Single(audit, a => a == "Fin de mandat au bureau");
            Assert.Contains("Votre mandat au bureau a pris fin", (await portal.Smtp.MessagesToAsync(user.Email!, where: m => m.Subject == "Vos accès au portail ont changé", atLeast: 2))[^1].TextBody);
        }
        finally
        {
            portal.Clock.Reset();
        }
    }
}
