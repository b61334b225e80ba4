using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Directory;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Cpts;

public sealed class CptsController(AposartDbContext db, TerritoryMaps maps, TimeProvider clock) : Controller
{
    [HttpGet(CptsLinks.Index), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking()
            .OrderByDescending(c => c.Population).ThenBy(c => c.Name)
            .Select(c => new CommuneRow(c.InseeCode, c.Name, c.Postcodes, c.Population))
            .ToListAsync(cancellationToken);
        var year = clock.GetUtcNow().ToParis().Year;
        // Only those who agreed are named; the collège is that of their membership of the year, if any.
        var bureau = await db.BureauMandates.AsNoTracking().Where(m => m.ClosedAt == null && m.PublicConsent)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                m.Title,
                Name = (u.FirstName + " " + u.LastName).Trim(),
                College = db.Memberships.Where(ms => ms.Professional!.UserId == u.Id && ms.Year == year).Select(ms => ms.College!.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var lastChange = await db.BureauMandates.Select(m => m.ClosedAt != null && m.ClosedAt > m.CreatedAt ? m.ClosedAt : (DateTimeOffset?)m.CreatedAt)
            .MaxAsync(cancellationToken);
        var statutes = await db.StatutesVersions.AsNoTracking().Where(s => s.Pdf != null)
            .GroupBy(s => s.Kind).Select(g => g.OrderByDescending(s => s.AdoptedOn).ThenByDescending(s => s.Id).Select(s => new PublishedDocument(s.Id, s.Kind, s.Label, s.AdoptedOn)).First())
            .ToListAsync(cancellationToken);
        var minutes = await db.Meetings.AsNoTracking().Where(m => m.MinutesPublicAt != null && m.MinutesApprovedAt != null).OrderByDescending(m => m.StartsAt)
            .Select(m => new PublishedMinutes(m.Id, m.Title, m.StartsAt)).Take(20).ToListAsync(cancellationToken);
        // Each commune leads to the directory filtered on it: the map answers "who practises there?".
        var map = maps.Territory("carte-territoire", "Carte des communes du territoire", c => DirectoryLinks.InCommune(c.InseeCode));
        return View(new CptsPageModel(communes, communes.Sum(c => c.Population),
            [.. bureau.OrderBy(b => b.Title).ThenBy(b => b.Name).Select(b => new BureauMember(b.Title.Label(), b.Name, b.College))], lastChange, statutes, minutes, map));
    }
}

public sealed record CommuneRow(string InseeCode, string Name, IReadOnlyList<string> Postcodes, int Population);

public sealed record BureauMember(string Title, string Name, string? College);

public sealed record PublishedDocument(int Id, StatutesKind Kind, string Label, DateOnly AdoptedOn);

/// <summary>An assembly's approved minutes the bureau chose to show to the public.</summary>
public sealed record PublishedMinutes(Guid MeetingId, string Title, DateTimeOffset StartsAt);

public sealed record CptsPageModel(IReadOnlyList<CommuneRow> Communes, int Population, IReadOnlyList<BureauMember> Bureau, DateTimeOffset? BureauChangedAt,
    IReadOnlyList<PublishedDocument> Documents, IReadOnlyList<PublishedMinutes> Minutes, MapDrawing Map);
