using Aposart.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Vaccination;

/// <summary>The crisis banner every page shows while a crisis is declared: one indexed query, so it appears and goes at once.</summary>
public sealed class CrisisBannerViewComponent(AposartDbContext db, ILogger<CrisisBannerViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        try
        {
            return await db.CrisisAlerts.AsNoTracking().Where(c => c.EndedAt == null).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync() is { } crisis
                ? View("~/Features/Vaccination/_CrisisBanner.cshtml", crisis)
                : Content("");
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The banner must not take down a page that needs no database: without it, the page still answers.
            logger.LogWarning(exception, "Crisis banner unavailable");
            return Content("");
        }
    }
}
