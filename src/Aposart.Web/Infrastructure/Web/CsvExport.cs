using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Every coordinator's table exports through here: semicolons and a BOM so that a French Excel opens it as it is,
/// and cells that a spreadsheet would run as a formula neutralised (OWASP "CSV injection").
/// </summary>
public static partial class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '|', '%'];

    /// <summary>A cell a spreadsheet would run as a formula gets a leading quote; a plain negative number stays a number.</summary>
    public static string Neutralise(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : FormulaStarts.Contains(cell[0]) && !NegativeNumber().IsMatch(cell) ? "'" + cell : cell;

    [System.Text.RegularExpressions.GeneratedRegex(@"^-\d+([,.]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex NegativeNumber();

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRecord(text, headers);
        foreach (var row in rows)
        {
            AppendRecord(text, row.Select(Neutralise));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendRecord(StringBuilder text, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(';');
            }
            first = false;
            var value = cell ?? "";
            // RFC 4180: a cell holding the separator, a quote or a line break is quoted, its quotes doubled.
            if (value.IndexOfAny([';', '"', '\r', '\n']) >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }
        text.Append("\r\n");
    }

    public static FileContentResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        new(Write(headers, rows), "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
