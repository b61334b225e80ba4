using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Aposart.Web.Features.Sas;

/// <summary>
/// The SAS platform's slot search, read from its query string: a window (<c>start=ge…</c> and <c>start=le…</c>), up to 25
/// practitioners by national identifier (<c>urn:oid:1.2.250.1.71.4.2.1|8</c> + RPPS), <c>status=free</c>. Anything else
/// is an error said in French and in FHIR terms.
/// </summary>
public sealed record SasSlotQuery(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Rpps)
{
    public const string NationalIdSystem = "urn:oid:1.2.250.1.71.4.2.1";
    public const int MaxPractitioners = 25;

    public static (SasSlotQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        DateTimeOffset? from = null, to = null;
        foreach (var value in Values(query, "start"))
        {
            // A '+' of a time zone arrives as a space when the caller did not encode it, as the specification's example does not.
            var text = value.Replace(' ', '+');
            if (text.Length < 3 || !TryDate(text[2..], out var moment))
            {
                return (null, $"start={value} : une date au format FHIR est attendue, précédée de ge ou le.");
            }
            switch (text[..2])
            {
                case "ge": from = moment; break;
                case "le": to = moment; break;
                default: return (null, $"start={value} : seuls les préfixes ge et le sont acceptés.");
            }
        }
        if (from is null || to is null)
        {
            return (null, "Les paramètres start=ge… et start=le… sont obligatoires.");
        }
        if (to < from)
        {
            return (null, "La fin de la fenêtre (start=le…) précède son début (start=ge…).");
        }
        var statuses = Values(query, "status").ToList();
        if (statuses.Count != 1 || statuses[0] != "free")
        {
            return (null, "Le paramètre status=free est obligatoire : seuls les créneaux libres sont publiés.");
        }
        var identifiers = Values(query, "schedule.actor:Practitioner.identifier").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (identifiers.Count == 0 || identifiers.Count > MaxPractitioners)
        {
            return (null, $"De 1 à {MaxPractitioners} identifiants de praticiens sont attendus dans schedule.actor:Practitioner.identifier.");
        }
        var rpps = new List<string>();
        foreach (var identifier in identifiers)
        {
            var parts = identifier.Split('|');
            var value = parts.Length == 2 && parts[0] == NationalIdSystem ? parts[1] : parts.Length == 1 ? parts[0] : null;
            if (value is not { Length: 12 } || value[0] != '8' || !value.All(char.IsAsciiDigit))
            {
                return (null, $"{identifier} : un identifiant national de praticien est attendu ({NationalIdSystem}|8 suivi des 11 chiffres du RPPS).");
            }
            rpps.Add(value[1..]);
        }
        // The database compares instants in UTC; the caller writes them in its own offset.
        return (new SasSlotQuery(from.Value.ToUniversalTime(), to.Value.ToUniversalTime(), [.. rpps.Distinct()]), null);
    }

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) ? values.Where(v => v is not null).Select(v => v!) : [];

    /// <summary>A FHIR dateTime: a day (midnight, Paris), or a moment with its offset.</summary>
    private static bool TryDate(string text, out DateTimeOffset moment)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            moment = Infrastructure.Web.ParisTime.FromParis(day, TimeOnly.MinValue);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment) && text.Contains('T', StringComparison.Ordinal);
    }
}
