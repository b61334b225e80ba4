using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

public sealed record MappingColumn(int Index, string Header, IReadOnlyList<string> Samples, ImportField Field);

public sealed record MappingPage(SpreadsheetImport Import, SpreadsheetTable Table, ImportSetup Setup, IReadOnlyList<MappingColumn> Columns,
    IReadOnlyList<College> Colleges, IReadOnlyList<string> Errors);

/// <summary>Starting an import and choosing its columns: the draft, the guesses from the headers and from the last import, the mapping saved.</summary>
public sealed class SpreadsheetImports(AposartDbContext db, TimeProvider clock)
{
    /// <summary>Reads the file once to refuse what is not a spreadsheet, then keeps it as a draft with a proposed mapping.</summary>
    public async Task<(SpreadsheetImport Import, DateTimeOffset? ImportedBefore)> StartAsync(byte[] content, string fileName, string? sheet, AppUser by,
        CancellationToken cancellationToken)
    {
        var table = SpreadsheetFile.Read(content, sheet.TrimmedOrNull());
        var hash = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        var before = await db.SpreadsheetImports.Where(i => i.FileHash == hash && i.Status == SpreadsheetImportStatus.Committed)
            .OrderByDescending(i => i.Id).Select(i => i.CommittedAt).FirstOrDefaultAsync(cancellationToken);
        var import = new SpreadsheetImport
        {
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 300 } name ? name : "tableur",
            FileHash = hash, Content = content, Status = SpreadsheetImportStatus.Draft,
            CreatedAt = clock.GetUtcNow(), CreatedById = by.Id, CreatedByName = by.NameOrEmail,
            Setup = (await ProposeAsync(table, cancellationToken)).ToJson(),
        };
        db.SpreadsheetImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        // A draft left for a week is abandoned: the file it keeps holds the members' data, and no one is finishing it.
        var stale = clock.GetUtcNow().AddDays(-7);
        await db.SpreadsheetImports.Where(i => i.Status == SpreadsheetImportStatus.Draft && i.CreatedAt < stale)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, SpreadsheetImportStatus.Abandoned).SetProperty(i => i.Content, (byte[]?)null), cancellationToken);
        return (import, before);
    }

    public async Task<SpreadsheetImport?> DraftAsync(int id, CancellationToken cancellationToken) =>
        await db.SpreadsheetImports.SingleOrDefaultAsync(i => i.Id == id && i.Status == SpreadsheetImportStatus.Draft && i.Content != null, cancellationToken);

    /// <summary>The mapping screen, for the sheet the setup names (or another one the coordinator picked).</summary>
    public async Task<MappingPage> MappingAsync(SpreadsheetImport import, ImportSetup setup, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var table = SpreadsheetFile.Read(import.Content!, setup.Sheet);
        if (setup.Columns.Count != table.Headers.Count)
        {
            // Another sheet has other columns: guess again for it.
            var proposed = await ProposeAsync(table, cancellationToken);
            setup = setup with { Columns = proposed.Columns, Headers = proposed.Headers, Sheet = table.Sheet };
        }
        var columns = table.Headers.Select((header, index) => new MappingColumn(index, header,
            [.. table.Rows.Select(r => r.Cells[index]).Where(c => c.Length > 0).Take(3)], setup.Columns[index])).ToList();
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        return new MappingPage(import, table, setup, columns, colleges, errors);
    }

    /// <summary>Checks the mapping (a name, no field twice but the address) and saves it; returns the French problems.</summary>
    public async Task<IReadOnlyList<string>> SaveMappingAsync(SpreadsheetImport import, ImportSetup setup, CancellationToken cancellationToken)
    {
        var table = SpreadsheetFile.Read(import.Content!, setup.Sheet);
        var errors = new List<string>();
        if (setup.Columns.Count != table.Headers.Count)
        {
            errors.Add("Les colonnes ont changé : choisissez à nouveau.");
            return errors;
        }
        if (!setup.Columns.Contains(ImportField.LastName))
        {
            errors.Add("Indiquez la colonne du nom : sans elle, aucune ligne ne peut être importée.");
        }
        var twice = setup.Columns.Where(f => f is not ImportField.Ignore and not ImportField.Address).GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key.Label()).ToList();
        if (twice.Count > 0)
        {
            errors.Add($"Une seule colonne peut aller vers : {string.Join(", ", twice)}.");
        }
        if (setup.CollegeId is null && !setup.Columns.Contains(ImportField.College)
            && setup.Columns.Any(f => f is ImportField.MembershipStatus or ImportField.AmountPaid or ImportField.MembershipYear))
        {
            errors.Add("Le fichier a des adhésions mais pas de colonne « Collège » : choisissez le collège des adhésions importées.");
        }
        if (setup.Year is < 2000 or > 2100)
        {
            errors.Add("L'année d'adhésion par défaut doit être une année, par exemple 2026.");
        }
        if (setup.CollegeId is { } college && !await db.Colleges.AnyAsync(c => c.Id == college, cancellationToken))
        {
            errors.Add("Ce collège n'existe pas.");
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        import.Setup = (setup with { Headers = [.. table.Headers], Sheet = table.Sheet, Confirmed = true }).ToJson();
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// A column keeps the field the coordinator gave its header at the last import (people reuse their spreadsheet), else
    /// the field its header suggests; the year is the one a header names (« Cotisation 2026 »), else this year.
    /// </summary>
    private async Task<ImportSetup> ProposeAsync(SpreadsheetTable table, CancellationToken cancellationToken)
    {
        var lastSetup = await db.SpreadsheetImports.AsNoTracking().OrderByDescending(i => i.Id).Select(i => i.Setup).Take(20).ToListAsync(cancellationToken);
        var remembered = new Dictionary<string, ImportField>();
        var last = lastSetup.Select(ImportSetup.Parse).FirstOrDefault(s => s.Confirmed);
        if (last is not null)
        {
            for (var i = 0; i < last.Headers.Count && i < last.Columns.Count; i++)
            {
                remembered.TryAdd(ImportFields.Key(last.Headers[i]), last.Columns[i]);
            }
        }
        var columns = table.Headers.Select(h => remembered.TryGetValue(ImportFields.Key(h), out var field) ? field : ImportFields.Guess(h)).ToList();
        var year = table.Headers.Select(ImportFields.YearIn).FirstOrDefault(y => y is not null) ?? clock.GetUtcNow().ToParis().Year;
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync(cancellationToken);
        return new ImportSetup
        {
            Sheet = table.Sheet, Headers = [.. table.Headers], Columns = columns, Year = year, CollegeId = last?.CollegeId ?? (colleges.Count == 1 ? colleges[0] : null),
            Method = last?.Method ?? PaymentMethod.Transfer,
        };
    }
}
