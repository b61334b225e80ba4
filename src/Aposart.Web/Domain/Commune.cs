namespace Aposart.Web.Domain;

/// <summary>A commune of the CPTS's territory, seeded from the official administrative split.</summary>
public class Commune
{
    public required string InseeCode { get; set; }
    public required string Name { get; set; }
    public List<string> Postcodes { get; set; } = [];
    public int Population { get; set; }
}
