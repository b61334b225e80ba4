using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// Demo same-day slots: ten adherent general practitioners (medecin@demo among them) with two weeks of slots, last week's
/// mostly given and honoured, this week's partly given.
/// </summary>
public sealed class DemoSnpSeeder(AposartDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SnpSlots.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var doctors = await db.Professionals.Include(p => p.PracticeSites)
            .Where(p => p.Profession == Profession.GeneralPractitioner && p.PracticeSites.Any(s => s.CommuneInsee != null)
                && p.Memberships.Any(m => m.Year == today.Year && MembershipText.ActiveStatuses.Contains(m.Status)))
            .OrderByDescending(p => p.Email == "medecin@demo.aposart.fr").ThenBy(p => p.LastName).Take(10).ToListAsync(cancellationToken);
        var random = new Random(78);
        var slots = new List<SnpSlot>();
        foreach (var (doctor, index) in doctors.Select((d, i) => (d, i)))
        {
            var site = doctor.PracticeSites.OrderBy(s => s.SortOrder).First(s => s.CommuneInsee != null);
            var place = site.FullAddress;
            var weekdays = new[] { (DayOfWeek)(1 + index % 5), (DayOfWeek)(1 + (index + 2) % 5) };
            for (var day = today.AddDays(-7); day < today.AddDays(7); day = day.AddDays(1))
            {
                if (!weekdays.Contains(day.DayOfWeek))
                {
                    continue;
                }
                foreach (var time in new[] { new TimeOnly(12, 0), new TimeOnly(12, 20), new TimeOnly(18, 30) })
                {
                    var start = ParisTime.FromParis(day, time);
                    var past = start < now;
                    var given = random.NextDouble() < (past ? 0.6 : 0.25);
                    slots.Add(new SnpSlot
                    {
                        ProfessionalId = doctor.Id, StartsAt = start, DurationMinutes = 20, Place = place, CommuneInsee = site.CommuneInsee,
                        Status = given ? SnpSlotStatus.Given : SnpSlotStatus.Open,
                        GivenReference = given ? $"SAS-{random.Next(1000, 9999)}" : null, GivenAt = given ? start.AddHours(-3) : null,
                        GivenByName = given ? "Rachel Régulation" : null,
                        Honoured = given && past && start < now.AddDays(-1) ? random.NextDouble() < 0.85 : null,
                    });
                }
            }
        }
        db.SnpSlots.AddRange(slots);
        await db.SaveChangesAsync(cancellationToken);
    }
}
