using System.Globalization;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Snp;

/// <summary>The regulator's view of the territory's free same-day slots, and the coordinator's list of who takes part.</summary>
[Authorize(Roles = Roles.Regulators)]
public sealed class SnpRegulationController(AposartDbContext db, UserManager<AppUser> users, SnpSlots slots, TerritoryMaps maps, TimeProvider clock) : Controller
{
    private const int PageSize = 50;
    private const int DaysShown = 7;

    [HttpGet(SnpLinks.Manage)]
    public async Task<IActionResult> Index(string? commune, string? jour, int page = 1, CancellationToken cancellationToken = default)
    {
        commune = Insee(commune);
        var day = DateOnly.TryParseExact(jour, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var free = Free(commune, day);
        var paged = await free.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new FreeSlotRow(s.Id, s.StartsAt, s.DurationMinutes, s.Professional!.FirstName + " " + s.Professional.LastName, s.Place, s.Commune!.Name, s.Mode, s.WalkIn))
            .PageAsync(page, PageSize, cancellationToken);
        var communes = await Free(null, null).Where(s => s.CommuneInsee != null).GroupBy(s => new { s.CommuneInsee, s.Commune!.Name })
            .Select(g => new { g.Key.CommuneInsee, g.Key.Name, Count = g.Count() }).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-2);
        var recent = await db.SnpSlots.AsNoTracking().Include(s => s.Professional).Include(s => s.Commune)
            .Where(s => s.Status == SnpSlotStatus.Given && s.GivenAt > since).OrderByDescending(s => s.GivenAt).Take(20).ToListAsync(cancellationToken);
        var query = SnpLinks.FreeQuery(commune, day);
        // Regulators think in places: the week's free slots per commune, each commune filtering the list (again: all communes).
        var map = maps.Counts("carte-snp", "Carte : créneaux libres des sept prochains jours par commune", communes.ToDictionary(c => c.CommuneInsee!, c => c.Count),
            n => n switch { 0 => "aucun créneau libre", 1 => "1 créneau libre", _ => $"{n} créneaux libres" },
            c => SnpLinks.Free(c.InseeCode == commune ? null : c.InseeCode, day), commune);
        return View(new RegulationPage(paged.Rows, paged.Total, paged.Pager(SnpLinks.Manage, query), commune, day,
            [.. communes.Select(c => (c.CommuneInsee!, c.Name, c.Count))], recent, map));
    }

    /// <summary>
    /// The booking address given to the SAS platform for a slot: signed-in regulators land on the list at that slot (its day
    /// and commune); others are asked to sign in first. The SAS adds <c>origin</c>, which changes nothing here.
    /// </summary>
    [HttpGet(SnpLinks.BookingRoute)]
    public async Task<IActionResult> Booking(Guid id, string? origin, CancellationToken cancellationToken)
    {
        var slot = await db.SnpSlots.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.StartsAt, s.CommuneInsee, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (slot is null)
        {
            return NotFound();
        }
        if (slot.Status != SnpSlotStatus.Open || slot.StartsAt <= clock.GetUtcNow())
        {
            TempData["Error"] = "Ce créneau n'est plus libre : voici les autres créneaux de la journée.";
        }
        return Redirect(SnpLinks.Free(slot.CommuneInsee, DateOnly.FromDateTime(slot.StartsAt.ToParis().DateTime)) + $"#creneau-{id}");
    }

    [HttpGet(SnpLinks.Export)]
    public async Task<IActionResult> Export(string? commune, CancellationToken cancellationToken)
    {
        commune = Insee(commune);
        var rows = await Free(commune, null).OrderBy(s => s.StartsAt)
            .Select(s => new { s.StartsAt, s.DurationMinutes, Doctor = s.Professional!.FirstName + " " + s.Professional.LastName, s.Place, Commune = s.Commune!.Name })
            .ToListAsync(cancellationToken);
        return CsvExport.File("creneaux-snp-libres.csv", ["Date", "Heure", "Durée (min)", "Médecin", "Lieu", "Commune"],
            rows.Select(r => (IReadOnlyList<string?>)[r.StartsAt.ToParisString("dd/MM/yyyy"), r.StartsAt.ToParisString("HH:mm"),
                r.DurationMinutes.ToString(CultureInfo.InvariantCulture), r.Doctor, r.Place, r.Commune]));
    }

    [HttpPost(SnpLinks.GiveRoute)]
    public async Task<IActionResult> Give(Guid id, string? reference, CancellationToken cancellationToken)
    {
        var cleaned = TextInput.TrimmedOrNull(reference);
        if (cleaned is null || cleaned.Length > 40)
        {
            TempData["Error"] = "Indiquez votre référence (40 caractères au plus) : un numéro de dossier à vous, jamais le nom du patient ni un renseignement médical.";
            return Redirect(SnpLinks.Manage);
        }
        if (!await db.SnpSlots.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var user = (await users.GetUserAsync(User))!;
        if (await slots.GiveAsync(id, cleaned, user.NameOrEmail, cancellationToken))
        {
            TempData["Message"] = $"Créneau attribué (référence {cleaned}) : le médecin est prévenu par courriel.";
        }
        else
        {
            TempData["Error"] = "Ce créneau n'est plus libre : il vient d'être attribué, retiré ou il est passé. Choisissez-en un autre.";
        }
        return Redirect(SnpLinks.Manage);
    }

    [Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
    [HttpGet(SnpLinks.Participants)]
    public async Task<IActionResult> Participants(CancellationToken cancellationToken) => View(await ParticipantsAsync(cancellationToken));

    [Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
    [HttpPost(SnpLinks.AddRegulator)]
    public async Task<IActionResult> AddRegulator(string? email, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            TempData["Error"] = "Aucun compte n'a cette adresse : la personne doit d'abord créer son compte sur le portail.";
        }
        else if (!await users.IsInRoleAsync(user, Roles.Regulator))
        {
            await users.AddToRoleAsync(user, Roles.Regulator);
            TempData["Message"] = $"{user.NameOrEmail} peut maintenant attribuer les créneaux.";
        }
        return Redirect(SnpLinks.Participants);
    }

    [Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
    [HttpPost(SnpLinks.RemoveRegulatorRoute)]
    public async Task<IActionResult> RemoveRegulator(Guid userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId.ToString()) is { } user && await users.IsInRoleAsync(user, Roles.Regulator))
        {
            await users.RemoveFromRoleAsync(user, Roles.Regulator);
            TempData["Message"] = $"{user.NameOrEmail} n'attribue plus de créneaux.";
        }
        return Redirect(SnpLinks.Participants);
    }

    [Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
    [HttpPost(SnpLinks.AllowedDoctors)]
    public async Task<IActionResult> Allow(Guid? professionalId, bool allowed, CancellationToken cancellationToken)
    {
        var changed = professionalId is null ? 0 : await db.Professionals.Where(p => p.Id == professionalId && p.AnonymisedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.SnpAllowed, allowed), cancellationToken);
        TempData[changed == 0 ? "Error" : "Message"] = changed == 0 ? "Choisissez un professionnel de l'annuaire."
            : allowed ? "Ce professionnel peut publier des créneaux." : "Ce professionnel ne publie plus de créneaux (sauf s'il est médecin généraliste adhérent).";
        return Redirect(SnpLinks.Participants);
    }

    /// <summary>An INSEE code (five letters or digits, "2A004" in Corsica), or nothing for anything else typed in the address.</summary>
    private static string? Insee(string? value) => value is { Length: 5 } && value.All(char.IsAsciiLetterOrDigit) ? value : null;

    private IQueryable<SnpSlot> Free(string? commune, DateOnly? day)
    {
        var now = clock.GetUtcNow();
        var query = db.SnpSlots.Where(s => s.Status == SnpSlotStatus.Open && s.StartsAt > now && s.StartsAt < now.AddDays(DaysShown));
        if (!string.IsNullOrEmpty(commune))
        {
            query = query.Where(s => s.CommuneInsee == commune);
        }
        if (day is { } d)
        {
            var (from, to) = (ParisTime.FromParis(d, TimeOnly.MinValue), ParisTime.FromParis(d.AddDays(1), TimeOnly.MinValue));
            query = query.Where(s => s.StartsAt >= from && s.StartsAt < to);
        }
        return query;
    }

    private async Task<ParticipantsPage> ParticipantsAsync(CancellationToken cancellationToken)
    {
        var regulators = await users.GetUsersInRoleAsync(Roles.Regulator);
        var allowed = await db.Professionals.Where(p => p.SnpAllowed && p.AnonymisedAt == null).OrderBy(p => p.LastName)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Profession }).ToListAsync(cancellationToken);
        var people = await db.Professionals.Where(p => !p.SnpAllowed && p.AnonymisedAt == null).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Profession }).ToListAsync(cancellationToken);
        return new ParticipantsPage(
            [.. regulators.OrderBy(u => u.NameOrEmail).Select(u => (u.Id, u.Email ?? "", u.NameOrEmail))],
            [.. allowed.Select(p => (p.Id, $"{p.LastName} {p.FirstName} – {p.Profession.Label()}"))],
            [.. people.Select(p => (p.Id, $"{p.LastName} {p.FirstName} – {p.Profession.Label()}"))]);
    }
}
