using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Vaccination;

/// <summary>A vaccination centre's form: created or edited by the bureau and the coordination, placed on the map by a click or by its coordinates.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class CentreFormController(AposartDbContext db, TerritoryMaps maps) : Controller
{
    [HttpGet(VaccinationLinks.Create)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(new CentreInput { Published = true }.WithBlanks(), VaccinationLinks.Create, true, cancellationToken));

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

    [HttpGet(VaccinationLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var centre = await db.VaccinationCentres.AsNoTracking().Include(c => c.Openings).Include(c => c.Closures).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return centre is null ? NotFound() : View(await FormAsync(CentreInput.From(centre), VaccinationLinks.Edit(id), false, cancellationToken));
    }

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

    private async Task ValidateAsync(CentreInput input, CancellationToken cancellationToken)
    {
        if (input.CommuneInsee is { Length: > 0 } insee && !await db.Communes.AnyAsync(c => c.InseeCode == insee, cancellationToken))
        {
            ModelState.AddModelError("Input.CommuneInsee", "Choisissez une commune de la liste.");
        }
        // A coordinate that could not be read is already said next to its field; the other checks need both read.
        var readable = ModelState.GetFieldValidationState("Input.Latitude") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && ModelState.GetFieldValidationState("Input.Longitude") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (readable && (input.Latitude is null) != (input.Longitude is null))
        {
            ModelState.AddModelError(input.Latitude is null ? "Input.Latitude" : "Input.Longitude",
                "Indiquez la latitude et la longitude, ou laissez les deux vides pour placer le centre au milieu de sa commune.");
        }
        else if (readable && input.Latitude is { } lat && input.Longitude is { } lon && maps.Map.HasOutlines && !maps.Map.IsInTerritory((double)lat, (double)lon))
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
}
