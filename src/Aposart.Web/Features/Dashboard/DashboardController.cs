using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Dashboard;

public sealed record DashboardPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<DashboardTable> Tables, DensityMaps Density);

public sealed record AciPage(int Year, IReadOnlyList<int> Years, AciEstimate Estimate, IReadOnlyList<IndicatorStanding> Standings);

/// <summary>Where the CPTS stands: members, territory, fiches, trainings, communication, compensation and ACI funding, by year.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class DashboardController(DashboardFigures figures, ActivityReport report, TerritoryMaps maps) : Controller
{
    [HttpGet(DashboardLinks.Index)]
    public async Task<IActionResult> Index(string? annee, CancellationToken cancellationToken)
    {
        var year = Year(annee);
        return View(new DashboardPage(year, await figures.YearsAsync(cancellationToken), await figures.AllAsync(year, cancellationToken),
            await maps.DensityAsync(cancellationToken)));
    }

    [HttpGet(DashboardLinks.ExportRoute)]
    public async Task<IActionResult> Export(string key, string? annee, CancellationToken cancellationToken)
    {
        var year = Year(annee);
        if (await figures.TableAsync(key, year, cancellationToken) is not { } table)
        {
            return NotFound();
        }
        return CsvExport.File($"{table.Key}-{year}.csv", table.Headers,
            table.Rows.Select(r => (IReadOnlyList<string?>)[r.Label, .. r.Values.Select(v => v?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")))]));
    }

    [HttpGet(DashboardLinks.Aci)]
    public async Task<IActionResult> Aci(string? annee, CancellationToken cancellationToken)
    {
        var year = Year(annee);
        var standings = await figures.IndicatorStandingsAsync(year, cancellationToken);
        return View(new AciPage(year, await figures.YearsAsync(cancellationToken), figures.Aci(year, standings), standings));
    }

    [HttpGet(DashboardLinks.ReportRoute)]
    public async Task<IActionResult> Report(string year, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > figures.CurrentYear)
        {
            return NotFound();
        }
        return File(await report.PdfAsync(y, cancellationToken), "application/pdf", $"rapport-activite-{y}.pdf");
    }

    /// <summary>The year asked for, or the current one for anything missing or out of range.</summary>
    private int Year(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000 && year <= figures.CurrentYear + 1 ? year : figures.CurrentYear;
}
