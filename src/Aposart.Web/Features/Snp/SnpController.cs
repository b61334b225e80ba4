using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Snp;

/// <summary>A general practitioner's same-day slots: publish one or a weekly pattern, withdraw a free one, say whether a given one was honoured.</summary>
[Authorize]
public sealed class SnpController(AposartDbContext db, Sas.SasKeys sas, TimeProvider clock) : Controller
{
    private const int WeeksShown = 8;

    [HttpGet(SnpLinks.Mine)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken) =>
        View(await PageAsync(new SlotInput(), new PatternInput { Days = [DayOfWeek.Monday, DayOfWeek.Thursday] }, cancellationToken));

    [HttpPost(SnpLinks.Publish)]
    public async Task<IActionResult> Publish([Bind(Prefix = "Slot")] SlotInput input, CancellationToken cancellationToken)
    {
        var me = await PublisherAsync(cancellationToken);
        if (me is null)
        {
            return Forbid();
        }
        var site = Site(me, input.SiteId, "Slot.SiteId");
        await RequireRppsAsync(me, "Slot.SiteId", cancellationToken);
        var start = input.Date is { } date && input.Start is { } time ? ParisTime.FromParis(date, time) : (DateTimeOffset?)null;
        if (start is not null && start <= clock.GetUtcNow())
        {
            ModelState.AddModelError("Slot.Start", "Ce moment est passé : choisissez une date et une heure à venir.");
        }
        else if (start > clock.GetUtcNow().AddDays(7 * WeeksShown))
        {
            ModelState.AddModelError("Slot.Date", $"Au plus {WeeksShown} semaines à l'avance.");
        }
        if (!ModelState.IsValid)
        {
            return View("Mine", await PageAsync(input, new PatternInput(), cancellationToken));
        }
        var added = await AddSlotsAsync(me, site!, [start!.Value], input.Duration!.Value, input.Mode, input.WalkIn, cancellationToken);
        TempData[added == 0 ? "Error" : "Message"] = added == 0 ? "Vous avez déjà un créneau à ce moment." : "Créneau publié : les régulateurs le voient.";
        return Redirect(SnpLinks.Mine);
    }

    [HttpPost(SnpLinks.PublishPattern)]
    public async Task<IActionResult> PublishPattern([Bind(Prefix = "Pattern")] PatternInput input, CancellationToken cancellationToken)
    {
        var me = await PublisherAsync(cancellationToken);
        if (me is null)
        {
            return Forbid();
        }
        var site = Site(me, input.SiteId, "Pattern.SiteId");
        await RequireRppsAsync(me, "Pattern.SiteId", cancellationToken);
        input.Days = [.. input.Days.Where(Enum.IsDefined).Distinct()];
        if (input.Days.Count == 0)
        {
            ModelState.AddModelError("Pattern.Days", "Cochez au moins un jour.");
        }
        if (input.Start is { } first && input.Count is { } n && input.Duration is { } d && first.AddMinutes(n * d) < first)
        {
            ModelState.AddModelError("Pattern.Count", "Les créneaux doivent tenir dans la journée.");
        }
        if (!ModelState.IsValid)
        {
            return View("Mine", await PageAsync(new SlotInput(), input, cancellationToken));
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var starts = new List<DateTimeOffset>();
        for (var day = today; day < today.AddDays(7 * input.Weeks!.Value); day = day.AddDays(1))
        {
            if (input.Days.Contains(day.DayOfWeek))
            {
                starts.AddRange(Enumerable.Range(0, input.Count!.Value)
                    .Select(i => ParisTime.FromParis(day, input.Start!.Value.AddMinutes(i * input.Duration!.Value)))
                    .Where(s => s > now));
            }
        }
        var added = await AddSlotsAsync(me, site!, starts, input.Duration!.Value, input.Mode, input.WalkIn, cancellationToken);
        TempData["Message"] = $"{added} créneau(x) publié(s) sur {input.Weeks} semaine(s)" + (added < starts.Count ? $" ({starts.Count - added} existaient déjà)." : ".");
        return Redirect(SnpLinks.Mine);
    }

    [HttpPost(SnpLinks.WithdrawRoute)]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        var now = clock.GetUtcNow();
        // Only one's own free future slot: a given slot stays, since a patient is on the way.
        var withdrawn = me is null ? 0 : await db.SnpSlots.Where(s => s.Id == id && s.ProfessionalId == me.Id && s.Status == SnpSlotStatus.Open && s.StartsAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SnpSlotStatus.Withdrawn).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (withdrawn == 0)
        {
            return await db.SnpSlots.AnyAsync(s => s.Id == id && me != null && s.ProfessionalId == me.Id, cancellationToken)
                ? RedirectWith("Error", "Ce créneau ne peut plus être retiré : il est attribué ou passé.")
                : NotFound();
        }
        return RedirectWith("Message", "Créneau retiré.");
    }

    [HttpPost(SnpLinks.OutcomeRoute)]
    public async Task<IActionResult> Outcome(Guid id, bool honoured, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        var now = clock.GetUtcNow();
        var updated = me is null ? 0 : await db.SnpSlots.Where(s => s.Id == id && s.ProfessionalId == me.Id && s.Status == SnpSlotStatus.Given && s.StartsAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Honoured, honoured).SetProperty(s => s.OutcomeAt, now).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            return await db.SnpSlots.AnyAsync(s => s.Id == id && me != null && s.ProfessionalId == me.Id, cancellationToken)
                ? RedirectWith("Error", "Seul un créneau attribué et commencé peut être dit honoré ou non.")
                : NotFound();
        }
        return RedirectWith("Message", honoured ? "Créneau noté comme honoré." : "Créneau noté comme non honoré.");
    }

    private IActionResult RedirectWith(string key, string message)
    {
        TempData[key] = message;
        return Redirect(SnpLinks.Mine);
    }

    private async Task<Professional?> PublisherAsync(CancellationToken cancellationToken)
    {
        var me = await db.Professionals.Include(p => p.PracticeSites).ThenInclude(s => s.Commune).OfUserAsync(User, cancellationToken);
        return me is not null && SnpSlots.CanPublish(me, User) ? me : null;
    }

    /// <summary>Once the CPTS is connected to the SAS, whose platform asks for slots by RPPS number, a slot needs its doctor's number.</summary>
    private async Task RequireRppsAsync(Professional me, string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(me.Rpps) && await sas.IsConnectedAsync(cancellationToken))
        {
            ModelState.AddModelError(key, "La CPTS publie ses créneaux sur la plateforme nationale du SAS, qui les cherche par numéro RPPS : "
                + "indiquez le vôtre dans votre profil professionnel avant de publier.");
        }
    }

    private PracticeSite? Site(Professional me, Guid? siteId, string key)
    {
        var site = me.PracticeSites.FirstOrDefault(s => s.Id == siteId);
        if (site is null && siteId is not null)
        {
            ModelState.AddModelError(key, "Choisissez un de vos lieux d'exercice.");
        }
        return site;
    }

    /// <summary>Adds the slots that do not exist yet (same doctor, same start); returns how many were added.</summary>
    private async Task<int> AddSlotsAsync(Professional me, PracticeSite site, List<DateTimeOffset> starts, int duration, ConsultationMode mode, bool walkIn,
        CancellationToken cancellationToken)
    {
        var existing = (await db.SnpSlots.Where(s => s.ProfessionalId == me.Id && starts.Contains(s.StartsAt) && s.Status != SnpSlotStatus.Withdrawn)
            .Select(s => s.StartsAt).ToListAsync(cancellationToken)).ToHashSet();
        var place = site.FullAddress;
        var added = starts.Where(s => !existing.Contains(s)).Distinct().Select(s => new SnpSlot
        {
            ProfessionalId = me.Id, StartsAt = s, DurationMinutes = duration, Mode = Enum.IsDefined(mode) ? mode : ConsultationMode.Office, WalkIn = walkIn, Place = place.Length > 400 ? place[..400] : place, CommuneInsee = site.CommuneInsee,
        }).ToList();
        db.SnpSlots.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }

    private async Task<MySnpPage> PageAsync(SlotInput slot, PatternInput pattern, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.Include(p => p.PracticeSites).ThenInclude(s => s.Commune).OfUserAsync(User, cancellationToken);
        var now = clock.GetUtcNow();
        if (me is null)
        {
            return new MySnpPage(false, [], [], [], slot, pattern, now);
        }
        var mine = db.SnpSlots.AsNoTracking().Include(s => s.Commune).Where(s => s.ProfessionalId == me.Id && s.Status != SnpSlotStatus.Withdrawn);
        var upcoming = await mine.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).Take(200).ToListAsync(cancellationToken);
        var past = await mine.Where(s => s.StartsAt <= now && s.StartsAt > now.AddDays(-60)).OrderByDescending(s => s.StartsAt).Take(100).ToListAsync(cancellationToken);
        var sites = me.PracticeSites.OrderBy(s => s.SortOrder)
            .Select(s => new SiteChoice(s.Id, string.Join(", ", new[] { s.Name, s.AddressLine, s.Commune?.Name ?? s.City }.Where(p => !string.IsNullOrWhiteSpace(p))), s.CommuneInsee))
            .ToList();
        slot.SiteId ??= sites.FirstOrDefault()?.Id;
        pattern.SiteId ??= sites.FirstOrDefault()?.Id;
        return new MySnpPage(SnpSlots.CanPublish(me, User), upcoming, past, sites, slot, pattern, now);
    }
}
