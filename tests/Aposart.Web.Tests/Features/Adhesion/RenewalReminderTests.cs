using Aposart.Web.Domain;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Adhesion;

/// <summary>The clock is moved for these tests: each works on its own years so they do not see each other's memberships.</summary>
public sealed class RenewalReminderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<string> RunAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RenewalReminders>().RunAsync(CancellationToken.None);
    }

    private async Task<(string Email, Guid ProfessionalId)> MemberAsync(int year, MembershipStatus status, string lastName)
    {
        var email = PortalFactory.NewEmail("relance");
        var id = await portal.WithDbAsync(async db =>
        {
            var professional = new Professional { FirstName = "Rémi", LastName = lastName, Email = email, Profession = Profession.Nurse };
            var college = await db.Colleges.FirstAsync();
            var statutes = await db.StatutesVersions.FirstAsync();
            professional.Memberships.Add(new Membership
            {
                Year = year, CollegeId = college.Id, StatutesVersionId = statutes.Id, FeeAmount = 20, FeeCategory = FeeCategory.Individual,
                IntendedPaymentMethod = PaymentMethod.Cheque, Status = status, DecidedAt = DateTimeOffset.UtcNow,
            });
            db.Professionals.Add(professional);
            await db.SaveChangesAsync();
            return professional.Id;
        });
        return (email, id);
    }

    private Task<int> QueuedAsync(string address) => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == address));

    [Fact]
    public async Task Reminders_go_30_and_7_days_before_the_end_and_30_days_after_each_only_once()
    {
        var (email, _) = await MemberAsync(2026, MembershipStatus.UpToDate, "Fidèle");
        var (renewedEmail, renewedId) = await MemberAsync(2026, MembershipStatus.UpToDate, "Renouvelé");
        await portal.WithDbAsync(async db =>
        {
            var previous = await db.Memberships.FirstAsync(m => m.ProfessionalId == renewedId);
            db.Memberships.Add(new Membership
            {
                ProfessionalId = renewedId, Year = 2027, CollegeId = previous.CollegeId, StatutesVersionId = previous.StatutesVersionId,
                FeeAmount = 20, Status = MembershipStatus.PendingValidation,
            });
            return await db.SaveChangesAsync();
        });

        portal.Clock.SetParis(2026, 11, 20);
        await RunAsync();
        // The reminder is written to the outbox by the run itself: counting the rows needs no wait for the SMTP server.
        Assert.Equal(0, await QueuedAsync(email));

        portal.Clock.SetParis(2026, 12, 2);
        await RunAsync();
        await RunAsync();
        Assert.Equal(1, await QueuedAsync(email));
        var first = await portal.Smtp.MessagesToAsync(email);
        Assert.Single(first);
        Assert.Contains("se termine le 31 décembre", first[0].Subject);
        Assert.Contains("/espace/adhesion", first[0].TextBody);

        portal.Clock.SetParis(2026, 12, 26);
        await RunAsync();
        await RunAsync();
        Assert.Equal(2, await QueuedAsync(email));
        Assert.Equal(2, (await portal.Smtp.MessagesToAsync(email, atLeast: 2)).Count);

        portal.Clock.SetParis(2027, 2, 5);
        await RunAsync();
        await RunAsync();
        Assert.Equal(3, await QueuedAsync(email));
        var all = await portal.Smtp.MessagesToAsync(email, atLeast: 3);
        Assert.Equal(3, all.Count);
        Assert.Contains(all, m => (m.Subject ?? "").Contains("a pris fin", StringComparison.Ordinal));

        // Whoever has already renewed is left in peace.
        Assert.Equal(0, await QueuedAsync(renewedEmail));
        portal.Clock.Reset();
    }

    [Fact]
    public async Task A_validated_membership_unpaid_after_the_delay_becomes_late_with_a_history_line()
    {
        var (_, id) = await MemberAsync(2026, MembershipStatus.ApprovedFeeDue, "Retardataire");
        await portal.WithDbAsync(db => db.Memberships.Where(m => m.ProfessionalId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DecidedAt, DateTimeOffset.UtcNow.AddDays(-61))));
        var (_, recent) = await MemberAsync(2026, MembershipStatus.ApprovedFeeDue, "Récent");

        await RunAsync();
        var statuses = await portal.WithDbAsync(db => db.Memberships.Where(m => m.ProfessionalId == id || m.ProfessionalId == recent)
            .ToDictionaryAsync(m => m.ProfessionalId, m => m.Status));
        Assert.Equal(MembershipStatus.Late, statuses[id]);
        Assert.Equal(MembershipStatus.ApprovedFeeDue, statuses[recent]);
        Assert.True(await portal.WithDbAsync(db => db.MembershipEvents.AnyAsync(e => e.ToStatus == MembershipStatus.Late && e.ByName == "Portail")));
    }

    [Fact]
    public async Task From_december_a_member_renews_for_the_next_year_from_the_same_page()
    {
        var (browser, user, membershipId) = await Steps.ApplicantAsync(portal, "Renouvelle");
        await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.UpToDate)));
        var year = DateTimeOffset.UtcNow.Year;

        portal.Clock.SetParis(year, 12, 5);
        try
        {
            // Weeks later the session has expired, as it would: the member signs in again.
            await browser.LogInAsync(user.Email!, PortalFactory.Password);
            var page = await browser.GetAsync("/espace/adhesion");
            Assert.True(page.Text.Contains($"Adhésion {year + 1}", StringComparison.Ordinal), page.Text);
            // This year's membership stays in sight above the renewal.
            Assert.Contains("À jour", page.Find("#statut-adhesion")!.TextContent);
            Assert.Contains($"Renouveler mon adhésion pour {year + 1}", page.Text);
            await Steps.ApplyAsync(browser);
            var years = await portal.WithDbAsync(db => db.Memberships.Where(m => m.ProfessionalId == db.Memberships.Single(x => x.Id == membershipId).ProfessionalId)
                .OrderBy(m => m.Year).Select(m => new { m.Year, m.Status }).ToListAsync());
            Assert.Equal([(year, MembershipStatus.UpToDate), (year + 1, MembershipStatus.PendingValidation)], years.Select(y => (y.Year, y.Status)));
        }
        finally
        {
            portal.Clock.Reset();
        }
    }

    [Fact]
    public async Task In_december_a_first_application_stays_on_the_current_year_until_the_bureau_decides()
    {
        var year = DateTimeOffset.UtcNow.Year;
        portal.Clock.SetParis(year, 12, 5);
        try
        {
            var (browser, user, membershipId) = await Steps.ApplicantAsync(portal, "Decembre");
            var page = await browser.GetAsync("/espace/adhesion");
            Assert.True(page.Text.Contains("En attente de validation", StringComparison.Ordinal), page.Text);
            Assert.DoesNotContain($"Adhésion {year + 1}", page.Text);

            // The form sent again (a second tab) finds the application already made, rather than opening next year's.
            var college = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.CollegeId).SingleAsync());
            await browser.PostFromAsync(page, "/espace/adhesion", ("Input.CollegeId", college.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.FeeCategory", nameof(FeeCategory.Individual)),
                ("Input.PaymentMethod", nameof(PaymentMethod.Cheque)), ("Input.AcceptStatutes", "true"));
            var years = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Professional!.UserId == user.Id).Select(m => new { m.Id, m.Year }).ToListAsync());
            var only = Assert.Single(years);
            Assert.Equal((membershipId, year), (only.Id, only.Year));
        }
        finally
        {
            portal.Clock.Reset();
        }
    }
}
