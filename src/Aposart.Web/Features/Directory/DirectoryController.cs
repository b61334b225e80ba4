using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Directory;

public sealed class DirectoryController(AposartDbContext db, TerritoryMaps maps) : Controller
{
    private const int PageSize = 20;

    [HttpGet(DirectoryLinks.Public), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Public([FromQuery] DirectoryQuery query, CancellationToken cancellationToken) =>
        View("List", await SearchAsync(query, forMembers: false, cancellationToken));

    [HttpGet(DirectoryLinks.PublicEntryRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> PublicEntry(Guid id, CancellationToken cancellationToken) =>
        await EntryAsync(id, forMembers: false, cancellationToken);

    [Authorize(Roles = Roles.Members), HttpGet(DirectoryLinks.Members)]
    public async Task<IActionResult> Members([FromQuery] DirectoryQuery query, CancellationToken cancellationToken) =>
        View("List", await SearchAsync(query, forMembers: true, cancellationToken));

    [Authorize(Roles = Roles.Members), HttpGet("/espace/annuaire/{id:guid}")]
    public async Task<IActionResult> MemberEntry(Guid id, CancellationToken cancellationToken) =>
        await EntryAsync(id, forMembers: true, cancellationToken);

    [HttpGet(DirectoryLinks.Organisations), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Organisations(string? q, OrganisationType? type, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SearchPattern.Contains(q);
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern) || EF.Functions.ILike(o.City, pattern));
        }
        if (type is { } t)
        {
            query = query.Where(o => o.Type == t);
        }
        var paged = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).PageAsync(page, PageSize, cancellationToken);
        var queryString = string.Join("&", new[] { string.IsNullOrWhiteSpace(q) ? null : "q=" + Uri.EscapeDataString(q), type is null ? null : "type=" + type }
            .Where(p => p is not null));
        return View("Organisations", new OrganisationsPage(q, type, paged.Rows, paged.Total, paged.Pager(DirectoryLinks.Organisations, queryString)));
    }

    [HttpGet(DirectoryLinks.OrganisationRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Organisation(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Include(o => o.Professionals.Where(p => p.ListedInPublicDirectory && p.AnonymisedAt == null))
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? NotFound() : View("Organisation", organisation);
    }

    private async Task<DirectoryPage> SearchAsync(DirectoryQuery query, bool forMembers, CancellationToken cancellationToken)
    {
        // A record imported from the CPTS's spreadsheet is shown to no one, members included, until its person claims it.
        var professionals = db.Professionals.AsNoTracking().Where(p => p.AnonymisedAt == null && !p.AwaitingConsent);
        if (!forMembers)
        {
            professionals = professionals.Where(p => p.ListedInPublicDirectory);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = SearchPattern.Contains(query.Q);
            professionals = professionals.Where(p => EF.Functions.ILike(p.LastName, pattern) || EF.Functions.ILike(p.FirstName, pattern)
                || EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern));
        }
        if (query.Profession is { } profession)
        {
            professionals = professionals.Where(p => p.Profession == profession);
        }
        if (query.Nouveaux)
        {
            professionals = professionals.Where(p => p.Profession == Profession.GeneralPractitioner && p.AcceptsNewPatients);
        }
        // The map counts every commune for the other filters: it shows where else the search would find someone.
        var byCommune = await professionals.SelectMany(p => p.PracticeSites.Where(s => s.CommuneInsee != null).Select(s => new { s.CommuneInsee, p.Id }))
            .GroupBy(s => s.CommuneInsee!).Select(g => new { g.Key, Count = g.Select(s => s.Id).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Commune))
        {
            professionals = professionals.Where(p => p.PracticeSites.Any(s => s.CommuneInsee == query.Commune));
        }
        var paged = await professionals
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Include(p => p.PracticeSites).Include(p => p.Organisations)
            .AsSplitQuery()
            .PageAsync(query.Page, PageSize, cancellationToken);
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.InseeCode)).ToListAsync(cancellationToken);
        communes.Insert(0, new SelectListItem("Toutes les communes", ""));
        var baseUrl = forMembers ? DirectoryLinks.Members : DirectoryLinks.Public;
        var map = maps.Counts("carte-annuaire", "Carte : professionnels trouvés par commune", byCommune,
            n => n switch { 0 => "aucun professionnel", 1 => "1 professionnel", _ => $"{n} professionnels" },
            c => query.InCommune(c.InseeCode == query.Commune ? null : c.InseeCode).Url(baseUrl) + "#resultats", query.Commune);
        return new DirectoryPage(
            forMembers ? "Annuaire des membres" : "Annuaire des professionnels", baseUrl,
            forMembers, query, [.. paged.Rows.Select(p => DirectoryCard.From(p, forMembers))], paged.Total, paged.Page, paged.PageCount, communes, map);
    }

    private async Task<IActionResult> EntryAsync(Guid id, bool forMembers, CancellationToken cancellationToken)
    {
        var professional = await db.Professionals.AsNoTracking()
            .Include(p => p.PracticeSites).Include(p => p.Organisations)
            .SingleOrDefaultAsync(p => p.Id == id && p.AnonymisedAt == null && !p.AwaitingConsent && (forMembers || p.ListedInPublicDirectory), cancellationToken);
        if (professional is null)
        {
            return NotFound();
        }
        ViewData["BaseUrl"] = forMembers ? DirectoryLinks.Members : DirectoryLinks.Public;
        return View("Entry", DirectoryCard.From(professional, forMembers));
    }
}

public sealed record OrganisationsPage(string? Q, OrganisationType? Type, IReadOnlyList<Organisation> Rows, int Total, PagerModel Pager);
