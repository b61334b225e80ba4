using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Vaccination;

public sealed record PublicCentresPage(IReadOnlyList<VaccinationCentre> Centres, DateOnly Today, MapDrawing Map);

/// <summary>Vaccination centres for the public; their editing, the crisis banner and the staffing rota for the coordination; sign-ups for professionals.</summary>
public sealed class VaccinationController(AposartDbContext db, UserManager<AppUser> users, ShiftRota rota, TerritoryMaps maps, TimeProvider clock) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);

    [HttpGet(VaccinationLinks.Public), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var centres = await db.VaccinationCentres.AsNoTracking().Include(c => c.Openings).Include(c => c.Closures).Include(c => c.Commune)
            .Where(c => c.Published).OrderBy(c => c.Status).ThenBy(c => c.Name).AsSplitQuery().ToListAsync(cancellationToken);
        return View(new PublicCentresPage(centres, Today, CentresMap("carte-centres", centres, c => $"#centre-{c.Id}", c => c.Name)));
    }

    /// <summary>The centres on the territory map, each marker a link (to its card, to its rota).</summary>
    private MapDrawing CentresMap(string id, IEnumerable<VaccinationCentre> centres, Func<VaccinationCentre, string?> href, Func<VaccinationCentre, string> name) =>
        maps.Places(id, "Carte des centres de vaccination",
            [.. centres.Select(c => (Centre: c, Point: maps.Locate(c.Latitude, c.Longitude, c.CommuneInsee)))
                .Where(c => c.Point is not null)
                .Select(c => new MapMarker(c.Point!.Value, $"{name(c.Centre)}{(c.Centre.Commune is null ? "" : ", " + c.Centre.Commune.Name)}", href(c.Centre), MarkerShape.Circle))],
            "Centre de vaccination");

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(VaccinationLinks.Manage)]
    public async Task<IActionResult> Admin(CancellationToken cancellationToken) => View(await AdminListAsync(new CrisisInput(), cancellationToken));

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(VaccinationLinks.StartCrisis)]
    public async Task<IActionResult> StartCrisis([Bind(Prefix = "CrisisInput")] CrisisInput input, CancellationToken cancellationToken)
    {
        if (TextInput.TrimmedOrNull(input.LinkUrl) is { } link && !(link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("CrisisInput.LinkUrl", "Une page du portail (/vaccination) ou une adresse commençant par https://.");
        }
        if (!ModelState.IsValid)
        {
            return View("Admin", await AdminListAsync(input, cancellationToken));
        }
        var user = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow();
        // One crisis at a time: declaring a new one ends the previous.
        await db.CrisisAlerts.Where(c => c.EndedAt == null).ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedAt, now), cancellationToken);
        db.CrisisAlerts.Add(new CrisisAlert
        {
            Message = input.Message!.Trim(), LinkUrl = TextInput.TrimmedOrNull(input.LinkUrl), LinkLabel = TextInput.TrimmedOrNull(input.LinkLabel),
            StartedAt = now, StartedByName = user.NameOrEmail,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Le bandeau de crise est affiché sur toutes les pages.";
        return Redirect(VaccinationLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(VaccinationLinks.EndCrisis)]
    public async Task<IActionResult> EndCrisis(CancellationToken cancellationToken)
    {
        var ended = await db.CrisisAlerts.Where(c => c.EndedAt == null).ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedAt, clock.GetUtcNow()), cancellationToken);
        TempData["Message"] = ended > 0 ? "Le bandeau de crise est retiré." : "Aucune crise en cours.";
        return Redirect(VaccinationLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(VaccinationLinks.RotaRoute)]
    public async Task<IActionResult> Rota(Guid id, CancellationToken cancellationToken) =>
        await RotaPageAsync(id, new ShiftInput { Date = Today.AddDays(1), Starts = new TimeOnly(9, 0), Ends = new TimeOnly(13, 0) }, cancellationToken) is { } page
            ? View(page) : NotFound();

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(VaccinationLinks.RotaRoute)]
    public async Task<IActionResult> OpenShift(Guid id, [Bind(Prefix = "Input")] ShiftInput input, CancellationToken cancellationToken)
    {
        if (!await db.VaccinationCentres.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (input.Starts is { } s && input.Ends is { } e && e <= s)
        {
            ModelState.AddModelError("Input.Ends", "La fin doit suivre le début.");
        }
        if (input.Date is { } d && d < Today)
        {
            ModelState.AddModelError("Input.Date", "Une date à venir.");
        }
        if (input.Role is { } role && !Enum.IsDefined(role))
        {
            ModelState.AddModelError("Input.Role", "Choisissez le rôle.");
        }
        if (!ModelState.IsValid)
        {
            return View("Rota", await RotaPageAsync(id, input, cancellationToken));
        }
        db.CentreShifts.Add(new CentreShift { CentreId = id, Date = input.Date!.Value, Starts = input.Starts!.Value, Ends = input.Ends!.Value, Role = input.Role!.Value, Needed = input.Needed!.Value });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Créneau ouvert : les professionnels peuvent s'y inscrire depuis leur espace.";
        return Redirect(VaccinationLinks.Rota(id));
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(VaccinationLinks.RotaCsvRoute)]
    public async Task<IActionResult> RotaCsv(Guid id, CancellationToken cancellationToken)
    {
        var rows = await db.ShiftSignups.AsNoTracking().Where(s => s.Shift!.CentreId == id && s.CancelledAt == null && s.Shift.Date >= Today)
            .OrderBy(s => s.Shift!.Date).ThenBy(s => s.Shift!.Starts)
            .Select(s => new { s.Shift!.Date, s.Shift.Starts, s.Shift.Ends, s.Shift.Role, s.Professional!.FirstName, s.Professional.LastName, s.Professional.Profession })
            .ToListAsync(cancellationToken);
        return CsvExport.File("planning.csv", ["Date", "Début", "Fin", "Rôle", "Professionnel", "Profession"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Date.ToString("dd/MM/yyyy", ActionSheetText.French), r.Starts.ToString("HH:mm", ActionSheetText.French),
                r.Ends.ToString("HH:mm", ActionSheetText.French), r.Role.Label(), $"{r.FirstName} {r.LastName}", r.Profession.Label()]));
    }

    [Authorize]
    [HttpGet(VaccinationLinks.Mine)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        var upcoming = await db.CentreShifts.AsNoTracking().Include(s => s.Centre).ThenInclude(c => c!.Commune).Include(s => s.Signups.Where(x => x.CancelledAt == null)).ThenInclude(x => x.Professional)
            .Where(s => s.Date >= Today && s.Date <= Today.AddDays(28)).OrderBy(s => s.Date).ThenBy(s => s.Starts).AsSplitQuery().ToListAsync(cancellationToken);
        var mine = me is null ? [] : upcoming.Where(s => s.Signups.Any(x => x.ProfessionalId == me.Id)).ToList();
        // Where the centres needing hands are: each marker opens the centre's public card (address, hours).
        var map = CentresMap("carte-planning", upcoming.Select(s => s.Centre!).DistinctBy(c => c.Id),
            c => c.Published ? $"{VaccinationLinks.Public}#centre-{c.Id}" : null, c => c.Name);
        return View(new MyRotaPage(me is not null, upcoming.Where(s => !mine.Contains(s)).ToList(), mine, me?.Id, map));
    }

    [Authorize]
    [HttpPost(VaccinationLinks.SignUpRoute)]
    public async Task<IActionResult> SignUp(Guid shiftId, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        if (me is null)
        {
            return Redirect(Features.Profile.ProfileLinks.Edit);
        }
        var refusal = await rota.SignUpAsync(shiftId, me.Id, cancellationToken);
        TempData[refusal is null ? "Message" : "Error"] = refusal ?? "Vous êtes inscrit : merci ! Un rappel vous sera envoyé la veille.";
        return Redirect(VaccinationLinks.Mine);
    }

    [Authorize]
    [HttpPost(VaccinationLinks.CancelRoute)]
    public async Task<IActionResult> Cancel(Guid shiftId, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        TempData[me is not null && await rota.CancelAsync(shiftId, me.Id, cancellationToken) ? "Message" : "Error"] =
            me is null ? "Aucune inscription à annuler." : "Inscription annulée.";
        return Redirect(VaccinationLinks.Mine);
    }

    private async Task<CentreAdminList> AdminListAsync(CrisisInput crisisInput, CancellationToken cancellationToken)
    {
        var centres = await db.VaccinationCentres.AsNoTracking().Include(c => c.Commune).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return new(centres, await db.CrisisAlerts.AsNoTracking().Where(c => c.EndedAt == null).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken),
            crisisInput, CentresMap("carte-plannings", centres, c => VaccinationLinks.Rota(c.Id), c => $"Planning de {c.Name}"));
    }

    private async Task<RotaAdminPage?> RotaPageAsync(Guid id, ShiftInput input, CancellationToken cancellationToken)
    {
        var centre = await db.VaccinationCentres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return null;
        }
        var shifts = await db.CentreShifts.AsNoTracking().Include(s => s.Signups.Where(x => x.CancelledAt == null)).ThenInclude(x => x.Professional)
            .Where(s => s.CentreId == id && s.Date >= Today).OrderBy(s => s.Date).ThenBy(s => s.Starts).Take(200).AsSplitQuery().ToListAsync(cancellationToken);
        return new RotaAdminPage(centre, shifts, input);
    }
}
