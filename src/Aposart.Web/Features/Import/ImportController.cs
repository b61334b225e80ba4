using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

public sealed record ImportSummary(int Id, string FileName, SpreadsheetImportStatus Status, DateTimeOffset CreatedAt, string CreatedByName,
    DateTimeOffset? CommittedAt, int Created, int Updated, int Unchanged, int Skipped);

public sealed record ImportIndexPage(Paged<ImportSummary> History);

/// <summary>Bringing the members' spreadsheet in, first steps: the file, then its columns.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ImportController(AposartDbContext db, SpreadsheetImports imports, UserManager<AppUser> users) : Controller
{
    [HttpGet(ImportLinks.Index)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) => View(await PageAsync(page, cancellationToken));

    [HttpPost(ImportLinks.Index), RequestSizeLimit(SpreadsheetFile.MaxBytes + 100_000), RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetFile.MaxBytes + 100_000)]
    public async Task<IActionResult> Upload(IFormFile? spreadsheet, string? sheet, CancellationToken cancellationToken)
    {
        if (spreadsheet is null || spreadsheet.Length == 0)
        {
            ModelState.AddModelError(nameof(spreadsheet), "Choisissez le fichier de vos adhérents : CSV ou classeur Excel (.xlsx).");
            return View("Index", await PageAsync(1, cancellationToken));
        }
        if (spreadsheet.Length > SpreadsheetFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(spreadsheet), $"Le fichier dépasse {SpreadsheetFile.MaxBytes / 1024 / 1024} Mo : enregistrez-le sans images ni autres feuilles, ou en CSV.");
            return View("Index", await PageAsync(1, cancellationToken));
        }
        using var buffer = new MemoryStream();
        await spreadsheet.CopyToAsync(buffer, cancellationToken);
        try
        {
            var (import, before) = await imports.StartAsync(buffer.ToArray(), spreadsheet.FileName, sheet, (await users.GetUserAsync(User))!, cancellationToken);
            if (before is { } date)
            {
                TempData["Message"] = $"Ce fichier a déjà été importé le {date.ToParisString()} : l'aperçu dira ce qui a changé depuis (rien, s'il est identique).";
            }
            return Redirect(ImportLinks.Mapping(import.Id));
        }
        catch (SpreadsheetFile.FormatException exception)
        {
            ModelState.AddModelError(nameof(spreadsheet), exception.Message);
            return View("Index", await PageAsync(1, cancellationToken));
        }
    }

    [HttpGet(ImportLinks.MappingRoute)]
    public async Task<IActionResult> Mapping(int id, CancellationToken cancellationToken)
    {
        if (await imports.DraftAsync(id, cancellationToken) is not { } import)
        {
            return await db.SpreadsheetImports.AnyAsync(i => i.Id == id, cancellationToken) ? Redirect(ImportLinks.Report(id)) : NotFound();
        }
        return View(await imports.MappingAsync(import, ImportSetup.Parse(import.Setup), [], cancellationToken));
    }

    /// <summary>Saves the mapping and goes on to the preview; « changer de feuille » shows the other sheet's columns instead.</summary>
    [HttpPost(ImportLinks.MappingRoute)]
    public async Task<IActionResult> Mapping(int id, MappingInput input, CancellationToken cancellationToken)
    {
        if (await imports.DraftAsync(id, cancellationToken) is not { } import)
        {
            return NotFound();
        }
        var current = ImportSetup.Parse(import.Setup);
        var setup = current with
        {
            Sheet = input.Sheet ?? current.Sheet,
            Columns = [.. input.Columns.Select(c => Enum.IsDefined(c) ? c : ImportField.Ignore)],
            Year = input.Year ?? 0,
            CollegeId = input.CollegeId,
            Method = Enum.IsDefined(input.Method) ? input.Method : PaymentMethod.Transfer,
        };
        try
        {
            if (input.ChangeSheet)
            {
                return View(await imports.MappingAsync(import, setup with { Columns = [] }, [], cancellationToken));
            }
            var errors = await imports.SaveMappingAsync(import, setup, cancellationToken);
            return errors.Count == 0 ? Redirect(ImportLinks.Preview(id)) : View(await imports.MappingAsync(import, setup, errors, cancellationToken));
        }
        catch (SpreadsheetFile.FormatException exception)
        {
            return View(await imports.MappingAsync(import, current, [exception.Message], cancellationToken));
        }
    }

    private async Task<ImportIndexPage> PageAsync(int page, CancellationToken cancellationToken) =>
        new(await db.SpreadsheetImports.AsNoTracking().OrderByDescending(i => i.Id)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.Status, i.CreatedAt, i.CreatedByName, i.CommittedAt, i.Created, i.Updated, i.Unchanged, i.Skipped))
            .PageAsync(page, 20, cancellationToken));
}

public sealed class MappingInput
{
    public string? Sheet { get; set; }
    public List<ImportField> Columns { get; set; } = [];
    public int? Year { get; set; }
    public int? CollegeId { get; set; }
    public PaymentMethod Method { get; set; } = PaymentMethod.Transfer;
    public bool ChangeSheet { get; set; }
}
