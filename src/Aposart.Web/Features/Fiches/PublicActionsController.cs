using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Fiches;

/// <summary>What the CPTS does, for the public: the published fiches grouped by mission, with their public summary only.</summary>
public sealed class PublicActionsController(AposartDbContext db) : Controller
{
    [HttpGet(FichesLinks.Public), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var fiches = await db.ActionSheets.AsNoTracking().Where(a => a.Published)
            .OrderBy(a => a.Mission).ThenBy(a => a.Number)
            .Select(a => new PublicAction(a.Number, a.Title, a.Mission, a.Theme, a.Status, a.Progress, a.PublicSummary ?? ""))
            .ToListAsync(cancellationToken);
        return View("PublicActions", fiches);
    }
}

public sealed record PublicAction(int Number, string Title, AciMission Mission, string? Theme, ActionStatus Status, int Progress, string Summary);
