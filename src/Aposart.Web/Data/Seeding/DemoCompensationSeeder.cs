using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// Demo compensation: the pilots of the fiches declared working-group hours and prevention half-days over this year and
/// the last; most are validated, this autumn's wait for the coordination.
/// </summary>
public sealed class DemoCompensationSeeder(AposartDbContext db, IOptions<CompensationOptions> options, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CompensationEntries.AnyAsync(cancellationToken))
        {
            return;
        }
        var pilots = await db.ActionSheets.OrderBy(a => a.Number).SelectMany(a => a.Pilots.Select(p => new { FicheId = a.Id, a.Mission, ProfessionalId = p.Id }))
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var random = new Random(2026);
        var entries = new List<CompensationEntry>();
        foreach (var pilot in pilots.DistinctBy(p => p.ProfessionalId).Take(16))
        {
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var last = year == today.Year ? today.DayOfYear - 1 : 360;
                for (var n = 0; n < (year == today.Year ? 4 : 3); n++)
                {
                    var date = new DateOnly(year, 1, 1).AddDays(random.Next(10, Math.Max(11, last)));
                    var kind = pilot.Mission == AciMission.Prevention && n % 2 == 0 ? CompensationKind.PreventionHalfDays : CompensationKind.WorkingGroupHours;
                    var quantity = kind == CompensationKind.WorkingGroupHours ? random.Next(2, 6) / 2m + 0.5m : 1;
                    var rate = options.Value.For(year).RateOf(kind);
                    var recent = date > today.AddDays(-40);
                    entries.Add(new CompensationEntry
                    {
                        ProfessionalId = pilot.ProfessionalId, ActionSheetId = pilot.FicheId, Date = date, Kind = kind, Quantity = quantity, Rate = rate,
                        Amount = rate * quantity, Description = kind == CompensationKind.WorkingGroupHours ? "Réunion du groupe de travail" : "Atelier de prévention",
                        Status = recent ? CompensationStatus.Submitted : CompensationStatus.Validated, RecordedByName = "Démonstration",
                        DecidedAt = recent ? null : ParisTime.FromParis(date.AddDays(12), new TimeOnly(10, 0)), DecidedByName = recent ? null : "Camille Coordination",
                    });
                }
            }
        }
        db.CompensationEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
    }
}
