using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Infrastructure.Maps;

/// <summary>
/// How many first-line professionals practise in each commune, from the CPTS's directory and from the official register:
/// the dashboard's coverage tables, its density maps and the PDFs' maps all count from here.
/// </summary>
public sealed class FirstLineCoverage(AposartDbContext db)
{
    // One request (the dashboard: coverage, density, the table beside the maps, the maps) reads each count once.
    private Dictionary<(string Insee, Profession Profession), int>? inDirectory;
    private Task<Dictionary<(string Insee, Profession Profession), int>?>? inRegister;

    public static readonly Profession[] Professions = [Profession.GeneralPractitioner, Profession.Nurse, Profession.Physiotherapist, Profession.Pharmacist];

    /// <summary>Professionals per 10 000 inhabitants, to one decimal: the one rounding of the dashboard's tables, maps and PDFs.</summary>
    public static decimal Density(int count, int population) => population <= 0 ? 0 : Math.Round(10_000m * count / population, 1);

    // Member-initialised (not positional) so that the queries built on it can still group and filter by its properties.
    public sealed class SiteOf
    {
        public string? CommuneInsee { get; init; }
        public Profession Profession { get; init; }
        public Guid ProfessionalId { get; init; }
    }

    /// <summary>Practice sites in the territory of the first-line professions, with the profession of who practises there.</summary>
    public IQueryable<SiteOf> Sites() =>
        db.PracticeSites.Where(s => s.CommuneInsee != null)
            .Join(db.Professionals.Where(p => Professions.Contains(p.Profession) && p.AnonymisedAt == null), s => s.ProfessionalId, p => p.Id,
                (s, p) => new SiteOf { CommuneInsee = s.CommuneInsee, Profession = p.Profession, ProfessionalId = p.Id });

    /// <summary>Distinct professionals of each first-line profession with a practice site in each commune of the territory.</summary>
    public async Task<Dictionary<(string Insee, Profession Profession), int>> InDirectoryAsync(CancellationToken cancellationToken) =>
        inDirectory ??= (await Sites()
            .GroupBy(s => new { s.CommuneInsee, s.Profession })
            .Select(g => new { g.Key.CommuneInsee, g.Key.Profession, Count = g.Select(s => s.ProfessionalId).Distinct().Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(r => (r.CommuneInsee!, r.Profession), r => r.Count);

    /// <summary>
    /// Distinct professionals of the official register (the last RPPS import) per commune and first-line profession; null
    /// while no register has been imported. A line without a commune code (only a postcode) is not placed.
    /// </summary>
    public Task<Dictionary<(string Insee, Profession Profession), int>?> InRegisterAsync(CancellationToken cancellationToken) =>
        inRegister ??= ReadRegisterAsync(cancellationToken);

    private async Task<Dictionary<(string Insee, Profession Profession), int>?> ReadRegisterAsync(CancellationToken cancellationToken)
    {
        if (!await db.RegisterEntries.AnyAsync(cancellationToken))
        {
            return null;
        }
        var firstLine = Professions.Select(p => (Profession?)p).ToList();
        return (await db.RegisterEntries.Where(e => e.CommuneCode != "" && firstLine.Contains(e.Profession))
                .GroupBy(e => new { e.CommuneCode, e.Profession })
                .Select(g => new { g.Key.CommuneCode, g.Key.Profession, Count = g.Select(e => e.NationalId).Distinct().Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.CommuneCode, r.Profession!.Value), r => r.Count);
    }
}
