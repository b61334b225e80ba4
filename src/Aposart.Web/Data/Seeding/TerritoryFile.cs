using System.Text.Json;

namespace Aposart.Web.Data.Seeding;

/// <summary>The file written by scripts/territory/extract.mjs.</summary>
public sealed record TerritoryFile(string Source, IReadOnlyList<TerritoryEpci> Epci, int Population, IReadOnlyList<TerritoryCommune> Communes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TerritoryFile Load(string path) =>
        JsonSerializer.Deserialize<TerritoryFile>(File.ReadAllBytes(path), Json) ?? throw new InvalidDataException($"{path} is empty.");

    public static async Task<TerritoryFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<TerritoryFile>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

public sealed record TerritoryEpci(string Code, string Name);

/// <param name="InseeCode">The commune's INSEE code.</param>
/// <param name="Name">Its official name.</param>
/// <param name="Postcodes">Its postcodes.</param>
/// <param name="Population">Its municipal population.</param>
/// <param name="Contour">Its outline: polygons, each a list of rings (the first the outer one) of [longitude, latitude] points (WGS 84).</param>
public sealed record TerritoryCommune(string InseeCode, string Name, IReadOnlyList<string> Postcodes, int Population,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double[]>>>? Contour = null);
