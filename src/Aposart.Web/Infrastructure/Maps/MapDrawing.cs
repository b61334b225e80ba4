using System.Globalization;

namespace Aposart.Web.Infrastructure.Maps;

/// <summary>What one map shows: the territory's communes filled and named, markers, a legend. Drawn as SVG in pages and through SkiaSharp in PDFs.</summary>
/// <param name="Map">The projected territory.</param>
/// <param name="Id">Unique on its page: prefixes the ids of the title and patterns.</param>
/// <param name="Title">The map's accessible name and caption.</param>
/// <param name="Areas">One per commune drawn.</param>
/// <param name="Markers">Places marked on the map.</param>
/// <param name="Legend">The legend's entries, in order.</param>
public sealed record MapDrawing(TerritoryMap Map, string Id, string Title, IReadOnlyList<MapArea> Areas, IReadOnlyList<MapMarker> Markers, IReadOnlyList<MapLegendItem> Legend)
{
    /// <summary>The licence asks for this credit wherever a map drawn from the contours is shown.</summary>
    public const string Credit = "Contours des communes : IGN – Admin Express, via france-geojson (Licence Ouverte).";

    /// <summary>True when some commune is a link: the map is then a group of links rather than one image.</summary>
    public bool IsInteractive => Areas.Any(a => a.Href is not null) || Markers.Any(m => m.Href is not null);
}

/// <summary>A commune on a map.</summary>
/// <param name="InseeCode">Which commune.</param>
/// <param name="Name">Its accessible name and tooltip: the commune's name and what the map says of it.</param>
/// <param name="Href">Where clicking it leads, or null.</param>
/// <param name="Fill">Its colour (#rrggbb).</param>
/// <param name="Hatched">Hatched rather than filled: "none" must not be told by colour alone.</param>
/// <param name="Label">A short text written on it (a count), or null.</param>
/// <param name="Selected">Outlined as the current choice.</param>
public sealed record MapArea(string InseeCode, string Name, string? Href, string Fill, bool Hatched = false, string? Label = null, bool Selected = false);

public enum MarkerShape
{
    Circle,
    Star,
}

/// <summary>A place marked on a map.</summary>
/// <param name="Point">Where, in the map's units.</param>
/// <param name="Name">Its accessible name.</param>
/// <param name="Href">Where clicking it leads, or null.</param>
/// <param name="Shape">How it is drawn.</param>
/// <param name="Label">A short text written beside it, or null.</param>
public sealed record MapMarker(MapPoint Point, string Name, string? Href, MarkerShape Shape, string? Label = null);

/// <summary>A legend entry: a swatch (or a marker) and its meaning.</summary>
/// <param name="Text">What it means.</param>
/// <param name="Fill">The swatch's colour.</param>
/// <param name="Hatched">A hatched swatch.</param>
/// <param name="Marker">Drawn as this marker instead of a swatch.</param>
public sealed record MapLegendItem(string Text, string Fill, bool Hatched = false, MarkerShape? Marker = null);

/// <summary>The colours of the maps, and the classes of a choropleth.</summary>
public static class MapColours
{
    public const string Territory = "#dce8f4";
    public const string Outside = "#f2f2f2";
    public const string Outline = "#3d4f61";
    public const string Hatch = "#4d4d4d";
    public const string Marker = "#b3261e";

    /// <summary>Four blues from light to dark (ColorBrewer "Blues"), each told apart from its neighbours and from white.</summary>
    public static readonly string[] Classes = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Up to four classes of equal counts among the values above zero (zero is its own, hatched, class), with bounds
    /// rounded to one decimal: the upper bound of each class, the last one being the maximum.
    /// </summary>
    public static IReadOnlyList<decimal> Breaks(IEnumerable<decimal> values)
    {
        var positive = values.Where(v => v > 0).Order().ToList();
        if (positive.Count == 0)
        {
            return [];
        }
        var breaks = new List<decimal>();
        var classes = Math.Min(Classes.Length, positive.Count);
        for (var i = 1; i <= classes; i++)
        {
            var bound = Math.Round(positive[(int)Math.Ceiling(i * positive.Count / (double)classes) - 1], 1, MidpointRounding.AwayFromZero);
            if (breaks.Count == 0 || bound > breaks[^1])
            {
                breaks.Add(bound);
            }
        }
        breaks[^1] = Math.Max(breaks[^1], Math.Round(positive[^1], 1, MidpointRounding.AwayFromZero));
        return breaks;
    }

    /// <summary>The class colour of a value above zero, given <see cref="Breaks"/>; the darkest class is always the last.</summary>
    public static string Fill(decimal value, IReadOnlyList<decimal> breaks)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        for (var i = 0; i < breaks.Count; i++)
        {
            if (rounded <= breaks[i])
            {
                return Classes[i + Classes.Length - breaks.Count];
            }
        }
        return Classes[^1];
    }

    /// <summary>Legend entries for <see cref="Breaks"/>, with the hatched "none" first.</summary>
    /// <param name="breaks">The classes' upper bounds.</param>
    /// <param name="none">What the hatched "none" means.</param>
    /// <param name="unit">Written after each class.</param>
    /// <param name="whole">Counts rather than rates: classes go from one whole number to the next.</param>
    public static IReadOnlyList<MapLegendItem> Legend(IReadOnlyList<decimal> breaks, string none, string unit, bool whole = false)
    {
        var items = new List<MapLegendItem> { new(none, "#ffffff", Hatched: true) };
        decimal? low = null;
        for (var i = 0; i < breaks.Count; i++)
        {
            var text = low is null ? $"jusqu'à {breaks[i].ToString("0.#", French)}"
                : low == breaks[i] ? breaks[i].ToString("0.#", French)
                : $"de {low.Value.ToString("0.#", French)} à {breaks[i].ToString("0.#", French)}";
            items.Add(new MapLegendItem($"{text} {unit}".TrimEnd(), Classes[i + Classes.Length - breaks.Count]));
            low = breaks[i] + (whole ? 1 : 0.1m);
        }
        return items;
    }
}
