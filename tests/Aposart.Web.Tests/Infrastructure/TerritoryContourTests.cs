using Aposart.Web.Data.Seeding;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>The communes' outlines written into the territory file by <c>scripts/territory/extract.mjs --contours</c>.</summary>
public sealed class TerritoryContourTests
{
    [Fact]
    public async Task Every_commune_of_the_territory_has_an_outline_and_rambouillets_contains_its_town_hall()
    {
        var territory = await TerritoryFile.LoadAsync(Path.Combine(RepoPaths.Root, "data/territory.json"), CancellationToken.None);

        Assert.Equal(36, territory.Communes.Count);
        Assert.All(territory.Communes, c => Assert.True(c.Contour is { Count: > 0 } polygons && polygons.All(p => p[0].Count >= 4), $"{c.InseeCode} {c.Name} has no outline"));
        var rambouillet = territory.Communes.Single(c => c.InseeCode == "78517");
        // The town hall of Rambouillet: 48.6435 N, 1.8298 E; Gazeran's outline, next door, does not hold it.
        Assert.True(Contains(rambouillet.Contour!, 1.8298, 48.6435));
        Assert.False(Contains(territory.Communes.Single(c => c.Name == "Gazeran").Contour!, 1.8298, 48.6435));
    }

    /// <summary>Even-odd ray casting over every ring: inside the outer ring and outside its holes.</summary>
    private static bool Contains(IReadOnlyList<IReadOnlyList<IReadOnlyList<double[]>>> polygons, double x, double y)
    {
        var inside = false;
        foreach (var ring in polygons.SelectMany(p => p))
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (xi, yi, xj, yj) = (ring[i][0], ring[i][1], ring[j][0], ring[j][1]);
                if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
