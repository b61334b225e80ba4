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
    [HttpGet(VaccinationLinks.Create)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(new CentreInput { Published = true }.WithBlanks(), VaccinationLinks.Create, true, cancellationToken));

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(VaccinationLinks.Create)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] CentreInput input, CancellationToken cancellationToken)
    {
        await ValidateAsync(input, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await FormAsync(input.WithBlanks(), VaccinationLinks.Create, true, cancellationToken));
        }
        var centre = new VaccinationCentre();
        Apply(input, centre);
        db.VaccinationCentres.Add(centre);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Centre enregistré.";
        return Redirect(VaccinationLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(VaccinationLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var centre = await db.VaccinationCentres.AsNoTracking().Include(c => c.Openings).Include(c => c.Closures).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return centre is null ? NotFound() : View(await FormAsync(CentreInput.From(centre), VaccinationLinks.Edit(id), false, cancellationToken));
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(VaccinationLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] CentreInput input, CancellationToken cancellationToken)
    {
        var centre = await db.VaccinationCentres.Include(c => c.Openings).Include(c => c.Closures).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return NotFound();
        }
        await ValidateAsync(input, cancellationToken);
        if (ModelState.IsValid && centre.Version != input.Version)
        {
            ModelState.AddModelError("", "Ce centre a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Vos saisies sont conservées : "
                + "rechargez la page dans un autre onglet pour voir la version enregistrée.");
            input.Version = centre.Version;
        }
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(input.WithBlanks(), VaccinationLinks.Edit(id), false, cancellationToken));
        }
        db.RemoveRange(centre.Openings);
        db.RemoveRange(centre.Closures);
        Apply(input, centre);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Centre enregistré.";
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

    private async Task ValidateAsync(CentreInput input, CancellationToken cancellationToken)
    {
        if (input.CommuneInsee is { Length: > 0 } insee && !await db.Communes.AnyAsync(c => c.InseeCode == insee, cancellationToken))
        {
            ModelState.AddModelError("Input.CommuneInsee", "Choisissez une commune de la liste.");
        }
        var unreadable = ModelState.GetFieldValidationState("Input.Latitude") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || ModelState.GetFieldValidationState("Input.Longitude") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (unreadable)
        {
            // The field already says what is wrong with what was typed.
        }
        else if ((input.Latitude is null) != (input.Longitude is null))
        {
            ModelState.AddModelError(input.Latitude is null ? "Input.Latitude" : "Input.Longitude",
                "Indiquez la latitude et la longitude, ou laissez les deux vides pour placer le centre au milieu de sa commune.");
        }
        else if (input.Latitude is { } lat && input.Longitude is { } lon && ModelState.IsValid && maps.Map.HasOutlines && !maps.Map.IsInTerritory((double)lat, (double)lon))
        {
            ModelState.AddModelError("Input.Latitude", "Ce point est hors du territoire de la CPTS : cliquez sur la carte, ou vérifiez la latitude et la longitude (par exemple 48,6435 et 1,8298).");
        }
        if (input.BookingUrl is { Length: > 0 } url && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.BookingUrl", "Une adresse web complète, commençant par https://.");
        }
        for (var i = 0; i < input.Hours.Count; i++)
        {
            var h = input.Hours[i];
            if ((h.Opens is null) != (h.Closes is null) || h.Closes <= h.Opens)
            {
                ModelState.AddModelError($"Input.Hours[{i}].Closes", "Indiquez l'ouverture et la fermeture (fermeture après l'ouverture), ou laissez les deux vides pour un jour fermé.");
            }
        }
        for (var i = 0; i < input.Closures.Count; i++)
        {
            var c = input.Closures[i];
            if (!c.IsEmpty && (c.From is null || c.To is null || c.To < c.From || string.IsNullOrWhiteSpace(c.Reason)))
            {
                ModelState.AddModelError($"Input.Closures[{i}].Reason", "Une fermeture a une date de début, une date de fin (après le début) et un motif.");
            }
        }
    }

    private static void Apply(CentreInput input, VaccinationCentre centre)
    {
        centre.Name = input.Name!.Trim();
        centre.Address = input.Address!.Trim();
        centre.CommuneInsee = TextInput.TrimmedOrNull(input.CommuneInsee);
        centre.Latitude = input.Latitude is { } lat && input.Longitude is not null ? (double)Math.Round(lat, 6) : null;
        centre.Longitude = input.Longitude is { } lon && input.Latitude is not null ? (double)Math.Round(lon, 6) : null;
        centre.Status = Enum.IsDefined(input.Status) ? input.Status : CentreStatus.Open;
        centre.BookingUrl = TextInput.TrimmedOrNull(input.BookingUrl);
        centre.BookingPhone = TextInput.TrimmedOrNull(input.BookingPhone);
        centre.WhoMayCome = TextInput.TrimmedOrNull(input.WhoMayCome);
        centre.DocumentsToBring = TextInput.TrimmedOrNull(input.DocumentsToBring);
        centre.Published = input.Published;
        centre.Openings = [.. input.Hours.Where(h => h.Opens is not null && h.Closes is not null && Enum.IsDefined(h.Day)).DistinctBy(h => h.Day)
            .Select(h => new CentreOpening { Day = h.Day, Opens = h.Opens!.Value, Closes = h.Closes!.Value })];
        centre.Closures = [.. input.Closures.Where(c => !c.IsEmpty).Select(c => new CentreClosure { From = c.From!.Value, To = c.To!.Value, Reason = c.Reason!.Trim() })];
    }

    private async Task<CentreForm> FormAsync(CentreInput input, string action, bool isNew, CancellationToken cancellationToken)
    {
        var point = input.Latitude is { } lat && input.Longitude is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180
            ? maps.Locate((double)lat, (double)lon, null) : maps.Locate(null, null, input.CommuneInsee);
        var map = maps.Places("carte-centre", "Carte du territoire : cliquez pour placer le centre",
            point is { } p ? [new MapMarker(p, input.Name ?? "Le centre", null, MarkerShape.Circle)] : [], "Le centre");
        var middles = maps.Map.Communes.ToDictionary(c => c.InseeCode, c => { var (la, lo) = maps.Map.Unproject(c.Inside); return new[] { Math.Round(la, 6), Math.Round(lo, 6) }; });
        return new(input, action, isNew, [.. (await db.Communes.OrderBy(c => c.Name).Select(c => new { c.InseeCode, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.InseeCode, c.Name))], map, middles);
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
