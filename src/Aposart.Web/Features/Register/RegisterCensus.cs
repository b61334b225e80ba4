using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Register;

public enum CensusStatus
{
    Member = 1,
    Account = 2,
    Record = 3,
    Neither = 4,
}

/// <summary>One professional of the territory in the register, with where they stand with the CPTS.</summary>
public sealed record CensusRow(string NationalId, string LastName, string FirstName, string Profession, IReadOnlyList<string> Communes, string Email,
    CensusStatus Status, Guid? ProfessionalId)
{
    public bool CanBeInvited => Email.Length > 0 && Status is CensusStatus.Record or CensusStatus.Neither;
}

public sealed record CensusQuery(string? Commune = null, string? Profession = null, CensusStatus? Status = null, int Page = 1)
{
    public string QueryString => string.Join('&', new[]
    {
        Commune is { Length: > 0 } ? "commune=" + Uri.EscapeDataString(Commune) : null,
        Profession is { Length: > 0 } ? "profession=" + Uri.EscapeDataString(Profession) : null,
        Status is { } s ? "statut=" + (int)s : null,
    }.Where(p => p is not null));
}

/// <summary>A member of the CPTS the register no longer shows in the territory: gone elsewhere, or gone from the register.</summary>
public sealed record MemberCheck(Guid ProfessionalId, string Name, string Rpps, string Finding);

/// <summary>
/// The territory's professionals as the register lists them, each with where they stand with the CPTS (member this year,
/// an account, a record without account, or neither), and the yearly check of the members against the register.
/// </summary>
public sealed class RegisterCensus(AposartDbContext db, TimeProvider clock)
{
    public static string Label(CensusStatus status) => status switch
    {
        CensusStatus.Member => "Adhérent",
        CensusStatus.Account => "A un compte, pas adhérent",
        CensusStatus.Record => "Fiche sans compte",
        _ => "Ni l'un ni l'autre",
    };

    public async Task<List<CensusRow>> RowsAsync(CensusQuery query, CancellationToken cancellationToken)
    {
        var entries = await db.RegisterEntries.AsNoTracking().ToListAsync(cancellationToken);
        var year = clock.GetUtcNow().ToParis().Year;
        var people = await db.Professionals.AsNoTracking().Where(p => p.AnonymisedAt == null && (p.Rpps != null || p.Adeli != null))
            .Select(p => new
            {
                p.Id, p.Rpps, p.Adeli, HasAccount = p.UserId != null,
                Member = p.Memberships.Any(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status)),
            })
            .ToListAsync(cancellationToken);
        // The register's national id is 8 + RPPS, or 0 + ADELI.
        var byId = new Dictionary<string, (Guid Id, bool HasAccount, bool Member)>();
        foreach (var p in people)
        {
            if (p.Rpps is not null)
            {
                byId.TryAdd("8" + p.Rpps, (p.Id, p.HasAccount, p.Member));
            }
            if (p.Adeli is not null)
            {
                byId.TryAdd("0" + p.Adeli, (p.Id, p.HasAccount, p.Member));
            }
        }
        var rows = entries.GroupBy(e => e.NationalId).Select(g =>
        {
            var first = g.First();
            var known = byId.TryGetValue(g.Key, out var k) ? k : ((Guid Id, bool HasAccount, bool Member)?)null;
            var status = known is null ? CensusStatus.Neither : known.Value.Member ? CensusStatus.Member : known.Value.HasAccount ? CensusStatus.Account : CensusStatus.Record;
            return new CensusRow(g.Key, first.LastName, first.FirstName, ProfessionLabel(first), [.. g.Select(e => e.CommuneName).Where(c => c.Length > 0).Distinct()],
                g.Select(e => e.Email.Trim().ToLowerInvariant()).FirstOrDefault(e => e.Length > 0) ?? "", status, known?.Id);
        });
        return Filter(rows, query);
    }

    /// <summary>The rows a query keeps, in the census's order; the page filters the whole census it already read.</summary>
    public static List<CensusRow> Filter(IEnumerable<CensusRow> rows, CensusQuery query)
    {
        if (query.Commune is { Length: > 0 } commune)
        {
            rows = rows.Where(r => r.Communes.Contains(commune));
        }
        if (query.Profession is { Length: > 0 } profession)
        {
            rows = rows.Where(r => r.Profession == profession);
        }
        if (query.Status is { } wanted)
        {
            rows = rows.Where(r => r.Status == wanted);
        }
        return [.. rows.OrderBy(r => r.Communes.FirstOrDefault() ?? "", StringComparer.Ordinal).ThenBy(r => r.Profession, StringComparer.Ordinal)
            .ThenBy(r => r.LastName, StringComparer.Ordinal)];
    }

    /// <summary>The register writes names in capitals; a directory and a mail read better with « Fictif-Landry ».</summary>
    public static string Title(string name) =>
        name.Length > 0 && name == name.ToUpperInvariant()
            ? System.Globalization.CultureInfo.GetCultureInfo("fr-FR").TextInfo.ToTitleCase(name.ToLowerInvariant())
            : name;

    /// <summary>The register's profession, with doctors told apart as the directory does.</summary>
    public static string ProfessionLabel(RegisterEntry entry) =>
        entry.Profession is { } p && entry.ProfessionLabel.StartsWith("Médecin", StringComparison.Ordinal) ? p.Label() : entry.ProfessionLabel;

    /// <summary>
    /// This year's members whose RPPS number the last register does not show in the territory: practising elsewhere (the
    /// national file says where), or absent (ceased, retired, or a wrong number on the record).
    /// </summary>
    public async Task<IReadOnlyList<MemberCheck>> CheckMembersAsync(RegisterImport import, CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().ToParis().Year;
        var members = await db.Professionals.AsNoTracking()
            .Where(p => p.AnonymisedAt == null && p.Rpps != null && p.Memberships.Any(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status)))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Rpps }).ToListAsync(cancellationToken);
        var ids = members.Select(m => "8" + m.Rpps).ToList();
        var present = (await db.RegisterEntries.Where(e => ids.Contains(e.NationalId)).Select(e => e.NationalId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var elsewhere = import.MembersElsewhere.Select(m => m.Split('|', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1]).Distinct()));
        return [.. members.Where(m => !present.Contains("8" + m.Rpps)).OrderBy(m => m.LastName, StringComparer.Ordinal)
            .Select(m => new MemberCheck(m.Id, $"{m.FirstName} {m.LastName}", m.Rpps!, elsewhere.TryGetValue("8" + m.Rpps, out var places)
                ? $"exerce hors du territoire : {places}"
                : "absent du registre du territoire : cessation d'activité, départ ou numéro erroné sur la fiche ?"))];
    }
}
