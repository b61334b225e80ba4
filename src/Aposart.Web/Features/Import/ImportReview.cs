using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

public sealed record PreviewPage(SpreadsheetImport Import, SpreadsheetTable Table, ImportPlan Plan, IReadOnlyList<PlannedLine> Rows, PagerModel Pager,
    bool ProblemsOnly, IReadOnlyList<College> Colleges, DateTimeOffset? ImportedBefore);

/// <summary>The dry run as a page, a page of lines at a time, and the fixes the coordinator types on it.</summary>
public sealed class ImportReview(AposartDbContext db, ImportPlanner planner)
{
    public const int PageSize = 50;

    public async Task<PreviewPage> PreviewAsync(SpreadsheetImport import, bool problemsOnly, int page, CancellationToken cancellationToken)
    {
        var setup = ImportSetup.Parse(import.Setup);
        var table = SpreadsheetFile.Read(import.Content!, setup.Sheet);
        var plan = await planner.PlanAsync(table, setup, ImportCorrections.Parse(import.Corrections), forWriting: false, cancellationToken);
        var lines = problemsOnly ? plan.Lines.Where(l => l.Problems.Count > 0 && !l.Skipped).ToList() : [.. plan.Lines];
        var pageCount = Math.Max(1, (int)Math.Ceiling(lines.Count / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        var query = problemsOnly ? "filtre=problemes" : null;
        var before = await db.SpreadsheetImports.Where(i => i.FileHash == import.FileHash && i.Status == SpreadsheetImportStatus.Committed && i.Id != import.Id)
            .OrderByDescending(i => i.Id).Select(i => i.CommittedAt).FirstOrDefaultAsync(cancellationToken);
        return new PreviewPage(import, table, plan, [.. lines.Skip((page - 1) * PageSize).Take(PageSize)],
            new PagerModel(page, pageCount, ImportLinks.Preview(import.Id), query), problemsOnly,
            await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken), before);
    }

    /// <summary>
    /// Keeps, for the lines shown on the page, the values typed that differ from the file's, and whether each line is
    /// skipped. A value typed back to the file's drops the fix.
    /// </summary>
    public async Task SaveCorrectionsAsync(SpreadsheetImport import, IFormCollection form, CancellationToken cancellationToken)
    {
        var setup = ImportSetup.Parse(import.Setup);
        var table = SpreadsheetFile.Read(import.Content!, setup.Sheet);
        var corrections = ImportCorrections.Parse(import.Corrections);
        var rows = table.Rows.ToDictionary(r => r.Line);
        var shown = form["lines"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(v => int.TryParse(v, out var n) ? n : 0).Where(rows.ContainsKey).Distinct().ToList();
        foreach (var line in shown)
        {
            var raw = ImportPlanner.RawValues(rows[line], setup);
            corrections.Fixes.TryGetValue(line, out var fixes);
            fixes ??= [];
            foreach (var field in ImportFields.All)
            {
                if (form.TryGetValue(FixKey(line, field), out var typed))
                {
                    var value = (typed.ToString() ?? "").Trim();
                    value = value.Length > 300 ? value[..300] : value;
                    if (value == (raw.TryGetValue(field, out var original) ? original : ""))
                    {
                        fixes.Remove(field);
                    }
                    else
                    {
                        fixes[field] = value;
                    }
                }
            }
            if (fixes.Count > 0)
            {
                corrections.Fixes[line] = fixes;
            }
            else
            {
                corrections.Fixes.Remove(line);
            }
            if (form[SkipKey(line)] == "on")
            {
                corrections.Skipped.Add(line);
            }
            else
            {
                corrections.Skipped.Remove(line);
            }
        }
        import.Corrections = corrections.ToJson();
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string FixKey(int line, ImportField field) => $"fix-{line}-{(int)field}";

    public static string SkipKey(int line) => $"skip-{line}";
}
