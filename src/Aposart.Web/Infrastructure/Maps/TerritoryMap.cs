using System.Globalization;
using System.Text;
using Aposart.Web.Data.Seeding;

namespace Aposart.Web.Infrastructure.Maps;

/// <summary>A point in the map's own units (the SVG viewBox): x to the east, y to the south.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>A commune's outline once projected, with the path every map draws and a point inside it for labels and markers.</summary>
/// <param name="InseeCode">The commune's INSEE code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Population">Its municipal population.</param>
/// <param name="Polygons">Its projected polygons, each a list of rings (the first the outer one).</param>
/// <param name="PathData">The SVG path of all its rings (drawn with the even-odd rule so enclaves stay holes).</param>
/// <param name="Inside">A point well inside the outline, where a number or a marker goes.</param>
public sealed record MapCommune(string InseeCode, string Name, int Population, IReadOnlyList<IReadOnlyList<MapPoint[]>> Polygons, string PathData, MapPoint Inside);

/// <summary>
/// The territory's communes projected once for every map of the portal. The territory spans a few dozen kilometres, so an
/// equirectangular projection scaled by the cosine of its middle latitude keeps shapes and areas true to within a
/// fraction of a percent — what Lambert-93 would give, without a projection library.
/// </summary>
public sealed class TerritoryMap
{
    /// <summary>Width of every map in its own units; the height follows the territory's shape.</summary>
    public const double Width = 1000;
    private const double Padding = 12;

    private readonly double west;
    private readonly double north;
    private readonly double scale;
    private readonly double cosLatitude;
    private readonly Dictionary<string, MapCommune> byCode;

    public TerritoryMap(IEnumerable<TerritoryCommune> communes)
    {
        var outlined = communes.Where(c => c.Contour is { Count: > 0 }).ToList();
        Communes = [];
        byCode = [];
        if (outlined.Count == 0)
        {
            Height = 0;
            return;
        }
        var points = outlined.SelectMany(c => c.Contour!).SelectMany(p => p).SelectMany(r => r).ToList();
        west = points.Min(p => p[0]);
        var east = points.Max(p => p[0]);
        north = points.Max(p => p[1]);
        var south = points.Min(p => p[1]);
        cosLatitude = Math.Cos((north + south) / 2 * Math.PI / 180);
        scale = (Width - 2 * Padding) / Math.Max((east - west) * cosLatitude, 1e-9);
        Height = Math.Round((north - south) * scale + 2 * Padding, 1);
        foreach (var commune in outlined)
        {
            var polygons = commune.Contour!.Select(p => (IReadOnlyList<MapPoint[]>)[.. p.Select(r => r.Select(pt => Project(pt[1], pt[0])).ToArray())]).ToList();
            var projected = new MapCommune(commune.InseeCode, commune.Name, commune.Population, polygons, PathData(polygons), InsidePoint(polygons));
            Communes.Add(projected);
            byCode[commune.InseeCode] = projected;
        }
    }

    /// <summary>Reads the territory file (relative paths from the binaries' folder, where the build copies it).</summary>
    public static TerritoryMap FromFile(string path)
    {
        var file = TerritoryFile.Load(Path.GetFullPath(path, AppContext.BaseDirectory));
        return new TerritoryMap(file.Communes);
    }

    public List<MapCommune> Communes { get; }

    public double Height { get; }

    /// <summary>False for a territory file written without outlines: pages then show their tables alone.</summary>
    public bool HasOutlines => Communes.Count > 0;

    public MapCommune? Find(string? inseeCode) => inseeCode is not null && byCode.TryGetValue(inseeCode, out var commune) ? commune : null;

    public MapPoint Project(double latitude, double longitude) =>
        new(Math.Round(Padding + (longitude - west) * cosLatitude * scale, 2), Math.Round(Padding + (north - latitude) * scale, 2));

    public (double Latitude, double Longitude) Unproject(MapPoint point) =>
        (north - (point.Y - Padding) / scale, west + (point.X - Padding) / (cosLatitude * scale));

    /// <summary>The projection's constants, for a script that turns a click on the map into coordinates (the centre form).</summary>
    public object ProjectionForScripts() => new { west, north, scale, cos = cosLatitude, padding = Padding };

    /// <summary>True when the point lies inside one of the territory's communes (on the map, outside every outline is outside the territory).</summary>
    public bool IsInTerritory(double latitude, double longitude)
    {
        var point = Project(latitude, longitude);
        return Communes.Any(c => Contains(c, point));
    }

    /// <summary>Even-odd rule over every ring of the commune, as the SVG path is filled.</summary>
    public static bool Contains(MapCommune commune, MapPoint point)
    {
        var inside = false;
        foreach (var ring in commune.Polygons.SelectMany(p => p))
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Y > point.Y) != (b.Y > point.Y) && point.X < (b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y) + a.X)
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static string PathData(IEnumerable<IReadOnlyList<MapPoint[]>> polygons)
    {
        var path = new StringBuilder();
        foreach (var ring in polygons.SelectMany(p => p).Where(r => r.Length > 2))
        {
            path.Append('M');
            for (var i = 0; i < ring.Length; i++)
            {
                if (i > 0)
                {
                    path.Append(' ');
                }
                path.Append(ring[i].X.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(ring[i].Y.ToString("0.#", CultureInfo.InvariantCulture));
            }
            path.Append('Z');
        }
        return path.ToString();
    }

    /// <summary>
    /// The middle of the widest stretch of the largest polygon along the horizontal through its centroid: unlike the
    /// centroid itself, always inside, even for a crescent-shaped commune.
    /// </summary>
    private static MapPoint InsidePoint(IReadOnlyList<IReadOnlyList<MapPoint[]>> polygons)
    {
        var largest = polygons.OrderByDescending(p => Math.Abs(Area(p[0]))).First();
        var outer = largest[0];
        var centroid = Centroid(outer);
        var best = centroid;
        var widest = -1.0;
        foreach (var y in new[] { centroid.Y, centroid.Y - 4, centroid.Y + 4 })
        {
            var crossings = new List<double>();
            foreach (var ring in largest)
            {
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (a, b) = (ring[i], ring[j]);
                    if ((a.Y > y) != (b.Y > y))
                    {
                        crossings.Add((b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X);
                    }
                }
            }
            crossings.Sort();
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                if (crossings[i + 1] - crossings[i] > widest)
                {
                    widest = crossings[i + 1] - crossings[i];
                    best = new MapPoint(Math.Round((crossings[i] + crossings[i + 1]) / 2, 1), Math.Round(y, 1));
                }
            }
        }
        return best;
    }

    private static double Area(MapPoint[] ring)
    {
        var sum = 0.0;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            sum += ring[j].X * ring[i].Y - ring[i].X * ring[j].Y;
        }
        return sum / 2;
    }

    private static MapPoint Centroid(MapPoint[] ring)
    {
        var area = Area(ring);
        if (Math.Abs(area) < 1e-9)
        {
            return new MapPoint(ring.Average(p => p.X), ring.Average(p => p.Y));
        }
        double x = 0, y = 0;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var cross = ring[j].X * ring[i].Y - ring[i].X * ring[j].Y;
            x += (ring[j].X + ring[i].X) * cross;
            y += (ring[j].Y + ring[i].Y) * cross;
        }
        return new MapPoint(x / (6 * area), y / (6 * area));
    }
}
