using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace Aposart.Web.Features.Import;

/// <summary>One line of the sheet with its number in the file, as the coordinator sees it in the spreadsheet program.</summary>
public sealed record SpreadsheetRow(int Line, IReadOnlyList<string> Cells);

/// <summary>A spreadsheet read into text cells, with how it was read (shown to the coordinator, who can tell a wrong guess).</summary>
public sealed record SpreadsheetTable(string Format, string? Encoding, string? Separator, IReadOnlyList<string> Sheets, string? Sheet,
    IReadOnlyList<string> Headers, IReadOnlyList<SpreadsheetRow> Rows);

/// <summary>
/// Reads the members' spreadsheet as people keep it: CSV with « ; », « , » or tabs, in UTF-8 or in Windows-1252 (what
/// Excel writes in France), or an Excel workbook. The first non-empty line holds the headers. Every cell becomes text
/// here; making sense of it is the planner's work.
/// </summary>
public static class SpreadsheetFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const int MaxColumns = 60;

    public sealed class FormatException(string message) : Exception(message);

    static SpreadsheetFile() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SpreadsheetTable Read(byte[] content, string? sheet)
    {
        if (content.Length == 0)
        {
            throw new FormatException("Le fichier est vide.");
        }
        if (content.Length > MaxBytes)
        {
            throw new FormatException($"Le fichier dépasse {MaxBytes / 1024 / 1024} Mo : un tableau d'adhérents tient largement en dessous. Enregistrez-le sans images ni autres feuilles.");
        }
        // Zip (xlsx) or the compound file of the old .xls: both are workbooks for ExcelDataReader.
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8) || content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return ReadWorkbook(content, sheet);
        }
        if (content.AsSpan(0, Math.Min(content.Length, 8192)).IndexOf((byte)0) >= 0)
        {
            throw new FormatException("Ce fichier n'est ni un tableau CSV ni un classeur Excel (.xlsx). Depuis votre tableur, choisissez « Enregistrer sous » puis CSV ou Classeur Excel.");
        }
        return ReadCsv(content);
    }

    private static SpreadsheetTable ReadCsv(byte[] content)
    {
        var (text, encoding) = Decode(content);
        var separator = DetectSeparator(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(), HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new CsvReader(new StringReader(text), configuration);
        var rows = new List<SpreadsheetRow>();
        while (reader.Read())
        {
            rows.Add(new SpreadsheetRow(reader.Parser.RawRow, reader.Parser.Record ?? []));
            if (rows.Count > MaxRows + 1)
            {
                throw new FormatException($"Le fichier compte plus de {MaxRows} lignes : découpez-le.");
            }
        }
        var name = separator switch { ';' => "point-virgule (;)", ',' => "virgule (,)", _ => "tabulation" };
        return Table("CSV", encoding, name, [], null, rows);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without its mark); otherwise Windows-1252, which Excel writes in France.</summary>
    private static (string Text, string Name) Decode(byte[] content)
    {
        var bom = content.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            return (strict.GetString(content, bom ? 3 : 0, content.Length - (bom ? 3 : 0)), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(content), "Windows-1252 (Excel)");
        }
    }

    /// <summary>The separator is the one of « ; », tab and « , » that the header line uses most, outside quotes.</summary>
    private static char DetectSeparator(string text)
    {
        var counts = new Dictionary<char, int> { [';'] = 0, ['\t'] = 0, [','] = 0 };
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (counts.Values.Any(v => v > 0))
                {
                    break;
                }
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }
        return counts.OrderByDescending(p => p.Value).First().Key;
    }

    private static SpreadsheetTable ReadWorkbook(byte[] content, string? sheet)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<string>();
            List<SpreadsheetRow>? chosen = null;
            string? chosenName = null;
            do
            {
                sheets.Add(reader.Name);
                if (chosen is not null || (sheet is not null && reader.Name != sheet))
                {
                    continue;
                }
                chosenName = reader.Name;
                chosen = [];
                var line = 0;
                while (reader.Read())
                {
                    line++;
                    var cells = new string[Math.Min(reader.FieldCount, MaxColumns)];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = Cell(reader.GetValue(i));
                    }
                    chosen.Add(new SpreadsheetRow(line, cells));
                    if (chosen.Count > MaxRows + 1)
                    {
                        throw new FormatException($"La feuille compte plus de {MaxRows} lignes : découpez-la.");
                    }
                }
            }
            while (reader.NextResult());
            if (chosen is null)
            {
                throw new FormatException($"Le classeur n'a pas de feuille « {sheet} ».");
            }
            return Table("Classeur Excel", null, null, sheets, chosenName, chosen);
        }
        catch (Exception exception) when (exception is not FormatException)
        {
            // ExcelDataReader throws its own types, and zip or XML errors, for a damaged or disguised file.
            throw new FormatException("Ce classeur n'a pas pu être lu : il est peut-être protégé par un mot de passe ou endommagé. Enregistrez-le à nouveau, ou en CSV.");
        }
    }

    /// <summary>Numbers without a thousands separator or a needless « ,0 », dates as the French write them.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => text.Trim(),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "oui" : "non",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    private static SpreadsheetTable Table(string format, string? encoding, string? separator, IReadOnlyList<string> sheets, string? sheet, List<SpreadsheetRow> rows)
    {
        var filled = rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (filled.Count == 0)
        {
            throw new FormatException(sheet is null ? "Le fichier ne contient aucune ligne." : $"La feuille « {sheet} » est vide.");
        }
        var width = Math.Min(MaxColumns, filled.Max(r => r.Cells.Count));
        var header = filled[0];
        var headers = Enumerable.Range(0, width)
            .Select(i => i < header.Cells.Count && !string.IsNullOrWhiteSpace(header.Cells[i]) ? header.Cells[i].Trim() : $"Colonne {i + 1}").ToList();
        var data = filled.Skip(1)
            .Select(r => new SpreadsheetRow(r.Line, [.. Enumerable.Range(0, width).Select(i => i < r.Cells.Count ? (r.Cells[i] ?? "").Trim() : "")]))
            .ToList();
        if (data.Count == 0)
        {
            throw new FormatException("Le fichier ne contient que la ligne des titres de colonnes.");
        }
        return new SpreadsheetTable(format, encoding, separator, sheets, sheet, headers, data);
    }
}
