using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Aposart.Web.Infrastructure.Maps;

/// <summary>
/// Writes a <see cref="MapDrawing"/> as inline SVG inside a figure with its legend: drawn by the server, so it needs no
/// script, no tiles and no third party, prints, and scales to any width (the viewBox does, the page's CSS sets the width).
/// A map of links is a group whose communes are links named for screen readers and reachable by keyboard; a map without
/// links is one image named by its title, the table beside it being its text equivalent.
/// </summary>
public static class SvgMap
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The map as a figure with its title, legend and (unless a page of several maps gives it once) the contours' credit.</summary>
    public static IHtmlContent Render(MapDrawing drawing, bool credit = true)
    {
        if (!drawing.Map.HasOutlines)
        {
            return HtmlString.Empty;
        }
        var map = drawing.Map;
        var id = drawing.Id;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure class=\"territory-map\" id=\"{id}\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Number(TerritoryMap.Width)} {Number(map.Height)}\" class=\"territory-map-svg\" role=\"{(drawing.IsInteractive ? "group" : "img")}\" aria-labelledby=\"{id}-titre\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titre\">{Encode(drawing.Title)}</title>");
        if (drawing.Areas.Any(a => a.Hatched))
        {
            svg.Append("<defs>").Append(Hatch($"{id}-hachures")).Append("</defs>");
        }
        foreach (var area in drawing.Areas)
        {
            if (map.Find(area.InseeCode) is not { } commune)
            {
                continue;
            }
            var fill = area.Hatched ? $"url(#{id}-hachures)" : area.Fill;
            var path = $"<path d=\"{commune.PathData}\" fill=\"{fill}\" fill-rule=\"evenodd\" class=\"map-commune{(area.Selected ? " map-selected" : "")}\" data-insee=\"{area.InseeCode}\"";
            if (area.Href is { } href)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(href)}\" aria-label=\"{Encode(area.Name)}\"{(area.Selected ? " aria-current=\"true\"" : "")}>")
                    .Append(path).Append("><title>").Append(Encode(area.Name)).Append("</title></path></a>");
            }
            else
            {
                svg.Append(path).Append("><title>").Append(Encode(area.Name)).Append("</title></path>");
            }
        }
        // Labels come after every outline so that no neighbour covers them; they repeat the links' names, hence hidden.
        foreach (var area in drawing.Areas.Where(a => a.Label is not null))
        {
            if (map.Find(area.InseeCode) is { } commune)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{Number(commune.Inside.X)}\" y=\"{Number(commune.Inside.Y + 10)}\" class=\"map-label\" text-anchor=\"middle\" aria-hidden=\"true\">{Encode(area.Label!)}</text>");
            }
        }
        foreach (var marker in drawing.Markers)
        {
            var shape = Marker(marker.Shape, marker.Point.X, marker.Point.Y, 11);
            if (marker.Href is { } href)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(href)}\" aria-label=\"{Encode(marker.Name)}\" class=\"map-marker\">{shape}<title>{Encode(marker.Name)}</title></a>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"map-marker\">{shape}<title>{Encode(marker.Name)}</title></g>");
            }
            if (marker.Label is { } label)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{Number(marker.Point.X + 16)}\" y=\"{Number(marker.Point.Y + 6)}\" class=\"map-label map-label-start\" aria-hidden=\"true\">{Encode(label)}</text>");
            }
        }
        svg.Append("</svg><figcaption><span class=\"map-title\">").Append(Encode(drawing.Title)).Append("</span>");
        if (drawing.Legend.Count > 0)
        {
            svg.Append("<ul class=\"map-legend\">");
            var n = 0;
            foreach (var item in drawing.Legend)
            {
                svg.Append("<li>").Append(Swatch(item, $"{id}-legende-{n++}")).Append(Encode(item.Text)).Append("</li>");
            }
            svg.Append("</ul>");
        }
        if (credit)
        {
            svg.Append("<p class=\"map-credit\">").Append(Encode(MapDrawing.Credit)).Append("</p>");
        }
        svg.Append("</figcaption></figure>");
        return new HtmlString(svg.ToString());
    }

    private static string Swatch(MapLegendItem item, string patternId)
    {
        if (item.Marker is { } shape)
        {
            return $"<svg class=\"map-swatch\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{Marker(shape, 12, 12, 9)}</svg>";
        }
        var defs = item.Hatched ? $"<defs>{Hatch(patternId)}</defs>" : "";
        var fill = item.Hatched ? $"url(#{patternId})" : item.Fill;
        return $"<svg class=\"map-swatch\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{defs}<rect x=\"1\" y=\"3\" width=\"22\" height=\"18\" fill=\"{fill}\" stroke=\"{MapColours.Outline}\" stroke-width=\"1.5\"/></svg>";
    }

    private static string Hatch(string id) =>
        $"<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"3\" height=\"8\" fill=\"{MapColours.Hatch}\"/></pattern>";

    private static string Marker(MarkerShape shape, double x, double y, double size) => shape switch
    {
        MarkerShape.Star => $"<polygon points=\"{Star(x, y, size)}\" fill=\"{MapColours.Marker}\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
        _ => $"<circle cx=\"{Number(x)}\" cy=\"{Number(y)}\" r=\"{Number(size * 0.8)}\" fill=\"{MapColours.Marker}\" stroke=\"#ffffff\" stroke-width=\"2.5\"/>",
    };

    /// <summary>A five-pointed star's corners, outer and inner alternately, from the top.</summary>
    public static IReadOnlyList<MapPoint> StarPoints(double x, double y, double size) =>
        [.. Enumerable.Range(0, 10).Select(i =>
        {
            var radius = i % 2 == 0 ? size : size * 0.45;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            return new MapPoint(x + radius * Math.Cos(angle), y + radius * Math.Sin(angle));
        })];

    private static string Star(double x, double y, double size) => string.Join(' ', StarPoints(x, y, size).Select(p => $"{Number(p.X)},{Number(p.Y)}"));

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => Encoder.Encode(text);
}
