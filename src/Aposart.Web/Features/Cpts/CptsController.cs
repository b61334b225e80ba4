using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Cpts;

public sealed class CptsController(AposartDbContext db) : Controller
{
    [HttpGet("/la-cpts"), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking()
            .OrderByDescending(c => c.Population).ThenBy(c => c.Name)
            .Select(c => new CommuneRow(c.InseeCode, c.Name, c.Postcodes, c.Population))
            .ToListAsync(cancellationToken);
        return View(new CptsPageModel(communes, communes.Sum(c => c.Population)));
    }
}

public sealed record CommuneRow(string InseeCode, string Name, IReadOnlyList<string> Postcodes, int Population);

public sealed record CptsPageModel(IReadOnlyList<CommuneRow> Communes, int Population);
