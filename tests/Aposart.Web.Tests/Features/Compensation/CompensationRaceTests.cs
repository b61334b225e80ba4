using Aposart.Web.Domain;
using Aposart.Web.Features.Compensation;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Compensation;

/// <summary>The yearly cap per person holds when two declarations or two validations arrive at the same moment (PostgreSQL, real concurrency).</summary>
public sealed class CompensationRaceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Rounds = 5;

    [Fact]
    public async Task Two_declarations_at_once_that_each_fit_under_the_cap_but_not_together_are_one_accepted_and_one_refused()
    {
        var fiche = await FicheAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var person = await PersonAsync($"Declarant{round}");
            // 1 000 € each under a cap of 1 500 €: either fits alone, both together do not.
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                using var scope = portal.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<CompensationLedger>().AddAsync(Entry(person, fiche, CompensationStatus.Submitted), CancellationToken.None);
            })));

            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o is not null && o.Contains("au-delà du plafond annuel", StringComparison.Ordinal));
            Assert.Equal(1000m, await CommittedAsync(person, CompensationStatus.Submitted));
        }
    }

    [Fact]
    public async Task Two_validations_at_once_that_would_pass_the_cap_together_validate_only_one()
    {
        var fiche = await FicheAsync();
        var coordinator = await portal.CreateUserAsync(PortalFactory.NewEmail("coord"), Roles.Professional, Roles.Coordinator);
        for (var round = 0; round < Rounds; round++)
        {
            var person = await PersonAsync($"Valide{round}");
            // Two entries declared before the cap was lowered: each fits the cap alone, not both.
            var ids = await portal.WithDbAsync(async db =>
            {
                var entries = new[] { Entry(person, fiche, CompensationStatus.Submitted), Entry(person, fiche, CompensationStatus.Submitted) };
                db.CompensationEntries.AddRange(entries);
                await db.SaveChangesAsync();
                return entries.Select(e => e.Id).ToList();
            });
            var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                using var scope = portal.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<CompensationLedger>().ValidateAsync(id, coordinator, CancellationToken.None);
            })));

            Assert.Single(outcomes, o => o.Done);
            Assert.StartsWith("Validation impossible", Assert.Single(outcomes, o => !o.Done).Message);
            Assert.Equal(1000m, await CommittedAsync(person, CompensationStatus.Validated));
        }
    }

    private CompensationEntry Entry(Guid person, Guid fiche, CompensationStatus status) => new()
    {
        ProfessionalId = person, ActionSheetId = fiche, Date = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime),
        Kind = CompensationKind.WorkingGroupHours, Quantity = 10, Rate = 100, Amount = 1000, Status = status, RecordedByName = "Tests",
    };

    private Task<decimal> CommittedAsync(Guid person, CompensationStatus status) =>
        portal.WithDbAsync(db => db.CompensationEntries.Where(e => e.ProfessionalId == person && e.Status == status).SumAsync(e => e.Amount));

    private Task<Guid> PersonAsync(string name) => portal.WithDbAsync(async db =>
    {
        var person = new Professional { FirstName = "Claire", LastName = name, Profession = Profession.Nurse };
        db.Professionals.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    private Task<Guid> FicheAsync() => portal.WithDbAsync(async db =>
    {
        var fiche = new ActionSheet { Number = 200 + await db.ActionSheets.CountAsync(), Title = "Fiche des courses", Mission = AciMission.QualityOfCare };
        db.ActionSheets.Add(fiche);
        await db.SaveChangesAsync();
        return fiche.Id;
    });
}
