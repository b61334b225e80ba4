using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Structures;

/// <summary>The coordinator keeps the list of the territory's structures, to which professionals link themselves.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class StructuresController(AposartDbContext db) : Controller
{
    private const int PageSize = 25;

    [HttpGet(StructuresLinks.List)]
    public async Task<IActionResult> List(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new StructureRow(o.Id, o.Name, o.Type, o.Finess, o.City, o.Professionals.Count))
            .PageAsync(page, PageSize, cancellationToken);
        return View(new StructuresPage(paged.Rows, paged.Total, paged.Pager(StructuresLinks.List)));
    }

    [HttpGet(StructuresLinks.Export)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var rows = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return CsvExport.File("structures.csv", ["Nom", "Type", "FINESS", "Adresse", "Code postal", "Commune", "Téléphone", "Site web"],
            rows.Select(o => (IReadOnlyList<string?>)[o.Name, o.Type.Label(), o.Finess, o.AddressLine, o.Postcode, o.City, o.Phone, o.WebsiteUrl]));
    }

    [HttpGet(StructuresLinks.Create)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(new StructureInput(), StructuresLinks.Create, cancellationToken));

    [HttpPost(StructuresLinks.Create)]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(StructureForm.Input))] StructureInput input, CancellationToken cancellationToken)
    {
        var organisation = new Organisation { Id = Guid.CreateVersion7() };
        return await SaveAsync(organisation, input, StructuresLinks.Create, isNew: true, cancellationToken);
    }

    [HttpGet(StructuresLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var o = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (o is null)
        {
            return NotFound();
        }
        var input = new StructureInput
        {
            Type = o.Type, Name = o.Name, Finess = o.Finess, AddressLine = o.AddressLine, Postcode = o.Postcode,
            CommuneInsee = o.CommuneInsee, City = o.CommuneInsee is null ? o.City : null, Phone = o.Phone, WebsiteUrl = o.WebsiteUrl,
        };
        return View("Edit", await FormAsync(input, StructuresLinks.Edit(id), cancellationToken));
    }

    [HttpPost(StructuresLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(StructureForm.Input))] StructureInput input, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? NotFound() : await SaveAsync(organisation, input, StructuresLinks.Edit(id), isNew: false, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(Organisation organisation, StructureInput input, string action, bool isNew, CancellationToken cancellationToken)
    {
        const string prefix = nameof(StructureForm.Input) + ".";
        var communes = await db.Communes.ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        if (!string.IsNullOrEmpty(input.CommuneInsee) && !communes.ContainsKey(input.CommuneInsee))
        {
            ModelState.AddModelError(prefix + nameof(input.CommuneInsee), "Choisissez une commune de la liste.");
        }
        var finess = string.IsNullOrWhiteSpace(input.Finess) ? null : input.Finess.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (finess is not null && await db.Organisations.AnyAsync(o => o.Finess == finess && o.Id != organisation.Id, cancellationToken))
        {
            ModelState.AddModelError(prefix + nameof(input.Finess), "Une autre structure porte déjà ce numéro FINESS.");
        }
        if (!ModelState.IsValid)
        {
            return View("Edit", await FormAsync(input, action, cancellationToken));
        }
        organisation.Type = input.Type!.Value;
        organisation.Name = input.Name!.Trim();
        organisation.Finess = finess;
        organisation.AddressLine = input.AddressLine!.Trim();
        organisation.Postcode = input.Postcode!.Trim();
        organisation.CommuneInsee = string.IsNullOrEmpty(input.CommuneInsee) ? null : input.CommuneInsee;
        organisation.City = organisation.CommuneInsee is { } insee ? communes[insee] : input.City!.Trim();
        organisation.Phone = FrenchFormats.NormalisePhone(input.Phone);
        organisation.WebsiteUrl = input.WebsiteUrl.TrimmedOrNull();
        if (isNew)
        {
            db.Organisations.Add(organisation);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Structure « {organisation.Name} » enregistrée.";
        return Redirect(StructuresLinks.List);
    }

    private async Task<StructureForm> FormAsync(StructureInput input, string action, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.InseeCode)).ToListAsync(cancellationToken);
        communes.Insert(0, new SelectListItem("Hors du territoire", ""));
        return new StructureForm(input, action, communes);
    }
}

public sealed record StructureRow(Guid Id, string Name, OrganisationType Type, string? Finess, string City, int Professionals);

public sealed record StructuresPage(IReadOnlyList<StructureRow> Rows, int Total, PagerModel Pager);

public sealed record StructureForm(StructureInput Input, string Action, IReadOnlyList<SelectListItem> Communes);
