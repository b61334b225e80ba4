using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Register;

/// <summary>
/// Reads the open extraction of the Annuaire Santé, PS_LibreAcces_Personne_activite_*.txt: UTF-8, pipe-separated, one
/// line per professional and practice situation, a header naming the columns (whose case and order have changed between
/// extractions, so they are found by name). The national file runs to several hundred megabytes: it is read line by
/// line and only the lines of the territory's communes come out; nothing else is kept.
/// </summary>
public static partial class RppsFile
{
    private static readonly string[] Required = ["Identification nationale PP", "Nom d'exercice", "Prénom d'exercice", "Code profession"];

    public sealed class FormatException(string message) : Exception(message);

    /// <summary>The lines of the given communes (INSEE codes), or of the given postcodes when a line has no commune code.</summary>
    /// <param name="reader">The extraction, header first.</param>
    /// <param name="communes">The territory's INSEE codes.</param>
    /// <param name="postcodes">The territory's postcodes, for lines without a commune code.</param>
    /// <param name="progress">Told the number of lines read, every 100 000 lines and at the end.</param>
    /// <param name="watched">National ids (the CPTS's members) whose practices elsewhere are reported to <paramref name="elsewhere"/>.</param>
    /// <param name="elsewhere">Told the national id and commune of each practice of a watched id outside the territory.</param>
    public static IEnumerable<RegisterEntry> Read(TextReader reader, IReadOnlySet<string> communes, IReadOnlySet<string> postcodes,
        Action<long>? progress = null, IReadOnlySet<string>? watched = null, Action<string, string>? elsewhere = null)
    {
        var header = reader.ReadLine() ?? throw new FormatException("Le fichier est vide.");
        var columns = header.TrimStart('\uFEFF').Split('|').Select((name, index) => (Name: name.Trim(), Index: index))
            .Where(c => c.Name.Length > 0)
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Index, StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"Ce n'est pas l'extraction « Personne activité » de l'Annuaire Santé : colonne(s) absente(s) : {string.Join(", ", missing)}.");
        }
        int Column(string name) => columns.TryGetValue(name, out var index) ? index : -1;
        var nationalId = Column("Identification nationale PP");
        var lastName = Column("Nom d'exercice");
        var firstName = Column("Prénom d'exercice");
        var professionCode = Column("Code profession");
        var professionLabel = Column("Libellé profession");
        var specialtyCode = Column("Code savoir-faire");
        var specialtyLabel = Column("Libellé savoir-faire");
        var mode = Column("Code mode exercice");
        var site = Column("Raison sociale site");
        var number = Column("Numéro Voie (coord. structure)");
        var wayType = Column("Libellé type de voie (coord. structure)");
        var way = Column("Libellé Voie (coord. structure)");
        var postcode = Column("Code postal (coord. structure)");
        var commune = Column("Code commune (coord. structure)");
        var communeName = Column("Libellé commune (coord. structure)");
        var telephone = Column("Téléphone (coord. structure)");
        var email = Column("Adresse e-mail (coord. structure)");

        long read = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (++read % 100_000 == 0)
            {
                progress?.Invoke(read);
            }
            // Most of the national file is elsewhere: look at the two place columns before splitting the whole line.
            var code = FieldAt(line, commune);
            if (!(code.Length > 0 ? communes.Contains(code) : postcodes.Contains(FieldAt(line, postcode))))
            {
                // A member who practises elsewhere now: what the yearly check of the members needs, and all it keeps of the line.
                if (watched is { Count: > 0 } && elsewhere is not null && watched.Contains(FieldAt(line, nationalId)))
                {
                    elsewhere(FieldAt(line, nationalId), FieldAt(line, communeName) is { Length: > 0 } place ? place : FieldAt(line, postcode));
                }
                continue;
            }
            var fields = line.Split('|');
            string Field(int index) => index >= 0 && index < fields.Length ? fields[index].Trim() : "";
            var postal = Field(postcode);
            var profession = Field(professionCode);
            var specialty = Field(specialtyCode);
            yield return new RegisterEntry
            {
                NationalId = Field(nationalId),
                LastName = Field(lastName),
                FirstName = Field(firstName),
                ProfessionCode = profession,
                ProfessionLabel = Field(professionLabel),
                SpecialtyCode = specialty,
                SpecialtyLabel = Field(specialtyLabel),
                PracticeMode = Field(mode),
                Profession = ProfessionText.FromNationalCode(profession, specialty),
                Site = Field(site),
                Street = string.Join(' ', new[] { Field(number), Field(wayType), Field(way) }.Where(part => part.Length > 0)),
                Postcode = postal,
                CommuneCode = code,
                CommuneName = Field(communeName),
                Telephone = Field(telephone),
                Email = Field(email),
            };
        }
        progress?.Invoke(read);
    }

    /// <summary>The field at a column, found by counting separators: no array of fifty strings for a line that is not kept.</summary>
    private static string FieldAt(string line, int index)
    {
        if (index < 0)
        {
            return "";
        }
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var next = line.IndexOf('|', start);
            if (next < 0)
            {
                return "";
            }
            start = next + 1;
        }
        var end = line.IndexOf('|', start);
        return line.AsSpan(start, (end < 0 ? line.Length : end) - start).Trim().ToString();
    }

    /// <summary>The extraction's date from its name, Paris time: PS_LibreAcces_Personne_activite_202611301020.txt → 30/11/2026 10:20 (stored in UTC).</summary>
    public static DateTimeOffset? DateOf(string fileName) =>
        Dated().Match(fileName) is { Success: true } match
        && DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DateTimeOffset(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(at)).ToUniversalTime()
            : null;

    public static StreamReader Open(Stream stream) => new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    [GeneratedRegex(@"_(\d{12})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dated();
}
