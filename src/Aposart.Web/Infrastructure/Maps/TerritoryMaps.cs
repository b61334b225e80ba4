using System.Globalization;
using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Infrastructure.Maps;

/// <summary>The density maps of one source: the official register when imported, else the CPTS's directory.</summary>
/// <param name="FromRegister">True when drawn from the official register.</param>
/// <param name="Maps">One map per first-line profession, in <see cref="FirstLineCoverage.Professions"/> order.</param>
public sealed record DensityMaps(bool FromRegister, IReadOnlyList<MapDrawing> Maps);

/// <summary>Builds the portal's maps: the territory with its seat, counts per commune, first-line densities, places.</summary>
public sealed class TerritoryMaps(TerritoryMap map, FirstLineCoverage coverage, IOptions<CptsOptions> cpts)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public TerritoryMap Map => map;

    /// <summary>The territory, each commune named with its population and leading where <paramref name="href"/> says; the seat marked.</summary>
    public MapDrawing Territory(string id, string title, Func<MapCommune, string?> href)
    {
        var seat = Seat();
        var legend = new List<MapLegendItem> { new("Commune du territoire", MapColours.Territory) };
        if (seat is not null)
        {
            legend.Add(new MapLegendItem(seat.Name, MapColours.Marker, Marker: MarkerShape.Star));
        }
        return new MapDrawing(map, id, title,
            [.. map.Communes.Select(c => new MapArea(c.InseeCode, $"{c.Name}, {c.Population.ToString("N0", French)} habitants", href(c), MapColours.Territory))],
            seat is null ? [] : [seat], legend);
    }

    /// <summary>
    /// A number per commune (professionals, free slots…): communes in classes of the count, those at zero hatched, the
    /// count written on each commune that has one.
    /// </summary>
    public MapDrawing Counts(string id, string title, IReadOnlyDictionary<string, int> counts, Func<int, string> describe, Func<MapCommune, string?> href,
        string? selected = null)
    {
        var breaks = MapColours.Breaks(counts.Values.Select(v => (decimal)v));
        return new MapDrawing(map, id, title,
            [.. map.Communes.Select(c =>
            {
                var count = counts.GetValueOrDefault(c.InseeCode);
                return new MapArea(c.InseeCode, $"{c.Name} : {describe(count)}{(c.InseeCode == selected ? " (commune choisie)" : "")}", href(c),
                    count > 0 ? MapColours.Fill(count, breaks) : "#ffffff", Hatched: count == 0, Label: count > 0 ? count.ToString(French) : null,
                    Selected: c.InseeCode == selected);
            })],
            [], MapColours.Legend(breaks, describe(0), "", whole: true));
    }

    /// <summary>The territory with places marked on it (vaccination centres…), each a link when it has one.</summary>
    public MapDrawing Places(string id, string title, IReadOnlyList<MapMarker> markers, string legend) =>
        new(map, id, title,
            [.. map.Communes.Select(c => new MapArea(c.InseeCode, c.Name, null, MapColours.Territory))],
            markers, [new MapLegendItem("Commune du territoire", MapColours.Territory), new MapLegendItem(legend, MapColours.Marker, Marker: MarkerShape.Circle)]);

    /// <summary>A place's point on the map: its own coordinates, else the middle of its commune, else nowhere.</summary>
    public MapPoint? Locate(double? latitude, double? longitude, string? communeInsee) =>
        latitude is { } lat && longitude is { } lon ? map.Project(lat, lon) : map.Find(communeInsee)?.Inside;

    /// <summary>
    /// First-line densities per 10 000 inhabitants, one map per profession, "none" hatched: from the official register
    /// once imported (every professional of the territory), else from the CPTS's directory.
    /// </summary>
    public async Task<DensityMaps> DensityAsync(CancellationToken cancellationToken)
    {
        var register = await coverage.InRegisterAsync(cancellationToken);
        var counts = register ?? await coverage.InDirectoryAsync(cancellationToken);
        return new DensityMaps(register is not null, [.. FirstLineCoverage.Professions.Select(p => Density(p, counts, register is not null))]);
    }

    public MapDrawing Density(Profession profession, IReadOnlyDictionary<(string Insee, Profession Profession), int> counts, bool fromRegister)
    {
        decimal Of(MapCommune c) => FirstLineCoverage.Density(counts.GetValueOrDefault((c.InseeCode, profession)), c.Population);
        var breaks = MapColours.Breaks(map.Communes.Select(Of));
        var plural = Plural(profession);
        return new MapDrawing(map, $"densite-{profession.ToString().ToLowerInvariant()}{(fromRegister ? "-registre" : "")}",
            $"{plural} pour 10 000 habitants ({(fromRegister ? "registre national" : "annuaire de la CPTS")})",
            [.. map.Communes.Select(c =>
            {
                var count = counts.GetValueOrDefault((c.InseeCode, profession));
                var density = Of(c);
                return new MapArea(c.InseeCode,
                    count == 0 ? $"{c.Name} : aucun" : $"{c.Name} : {count}, soit {density.ToString("0.#", French)} pour 10 000 habitants",
                    null, count > 0 ? MapColours.Fill(density, breaks) : "#ffffff", Hatched: count == 0);
            })],
            [], MapColours.Legend(breaks, $"Aucun ({plural.ToLower(French)})", "pour 10 000 hab."));
    }

    public static string Plural(Profession profession) => profession switch
    {
        Profession.GeneralPractitioner => "Médecins généralistes",
        Profession.Nurse => "Infirmiers et infirmières",
        Profession.Physiotherapist => "Masseurs-kinésithérapeutes",
        Profession.Pharmacist => "Pharmaciens",
        _ => profession.Label(),
    };

    /// <summary>
    /// The commune of the association's seat, read from its postal address (the commune's name after its postcode): a CPTS
    /// sets its address once for the legal notice, and the map follows it.
    /// </summary>
    public MapMarker? Seat()
    {
        var address = Normalise(cpts.Value.PostalAddress);
        if (address.Length == 0)
        {
            return null;
        }
        var commune = map.Communes
            .Where(c => address.Contains(Normalise(c.Name), StringComparison.Ordinal))
            .OrderByDescending(c => c.Name.Length)
            .FirstOrDefault();
        return commune is null ? null : new MapMarker(commune.Inside, $"Siège de la CPTS : {commune.Name}", null, MarkerShape.Star);
    }

    private static string Normalise(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(" ");
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            kept.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } s ? $" {s} " : "";
    }
}
