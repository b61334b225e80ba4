using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// Demo vaccination: a large centre modelled on the territory's former COVID centre and a smaller point in Le Perray, with a
/// week of shifts, some already taken by adherents.
/// </summary>
public sealed class DemoVaccinationSeeder(AposartDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.VaccinationCentres.AnyAsync(cancellationToken))
        {
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var main = new VaccinationCentre
        {
            Name = "Centre de vaccination intercommunal", Address = "Salle polyvalente, 10 rue de la Fontaine", CommuneInsee = "78517", Status = CentreStatus.Open,
            Latitude = 48.6452, Longitude = 1.8241,
            BookingUrl = "https://rendez-vous.exemple.fr/centre-intercommunal", BookingPhone = "01 34 00 00 00",
            WhoMayCome = "Toute personne de plus de 12 ans, avec ou sans médecin traitant. Les mineurs viennent avec un parent.",
            DocumentsToBring = "Carte Vitale ou attestation de droits\nPièce d'identité\nCarnet de vaccination si vous l'avez",
            Published = true,
            Openings = [.. weekdays.Select(d => new CentreOpening { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) }),
                new CentreOpening { Day = DayOfWeek.Saturday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 30) }],
            Closures = [new CentreClosure { From = new DateOnly(today.Year, 12, 25), To = new DateOnly(today.Year, 12, 26), Reason = "Fêtes de fin d'année" }],
        };
        var small = new VaccinationCentre
        {
            Name = "Point de vaccination de la maison de santé", Address = "2 place de la Gare", CommuneInsee = "78486", Status = CentreStatus.Open,
            BookingPhone = "01 34 00 00 01", WhoMayCome = "Adultes : grippe, Covid-19, rappels diphtérie-tétanos-polio.",
            DocumentsToBring = "Carte Vitale\nOrdonnance si vous en avez une", Published = true,
            Openings = [new CentreOpening { Day = DayOfWeek.Wednesday, Opens = new TimeOnly(14, 0), Closes = new TimeOnly(18, 0) },
                new CentreOpening { Day = DayOfWeek.Saturday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) }],
        };
        db.VaccinationCentres.AddRange(main, small);
        var helpers = await db.Professionals.Where(p => p.Profession == Profession.Nurse || p.Profession == Profession.GeneralPractitioner || p.Profession == Profession.Pharmacist)
            .Where(p => p.Memberships.Any(m => m.Year == today.Year && MembershipText.ActiveStatuses.Contains(m.Status)))
            .OrderBy(p => p.LastName).Take(12).ToListAsync(cancellationToken);
        var random = new Random(55);
        for (var day = today.AddDays(1); day <= today.AddDays(7); day = day.AddDays(1))
        {
            if (!weekdays.Contains(day.DayOfWeek))
            {
                continue;
            }
            foreach (var (starts, ends) in new[] { (new TimeOnly(9, 0), new TimeOnly(13, 30)), (new TimeOnly(13, 30), new TimeOnly(18, 0)) })
            {
                foreach (var (role, needed) in new[] { (ShiftRole.VaccinatingNurse, 3), (ShiftRole.Doctor, 1), (ShiftRole.Reception, 1) })
                {
                    var shift = new CentreShift { Centre = main, Date = day, Starts = starts, Ends = ends, Role = role, Needed = needed };
                    var fit = helpers.Where(h => role switch
                    {
                        ShiftRole.VaccinatingNurse => h.Profession == Profession.Nurse,
                        ShiftRole.Doctor => h.Profession == Profession.GeneralPractitioner,
                        _ => true,
                    }).OrderBy(_ => random.Next()).Take(random.Next(0, needed + 1));
                    shift.Signups = [.. fit.Select(h => new ShiftSignup { ProfessionalId = h.Id, SignedAt = clock.GetUtcNow().AddDays(-random.Next(1, 6)) })];
                    db.CentreShifts.Add(shift);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
