using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Letters;

/// <summary>The public archive of the quarterly letters that were sent (flashmails are not archived: they are targeted).</summary>
public sealed class ArchiveController(AposartDbContext db) : Controller
{
    [HttpGet(LetterLinks.Archive), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Sent().OrderByDescending(c => c.SentAt).ThenBy(c => c.Id).PageAsync(page, 20, cancellationToken);
        return View("Archive", new ArchivePage(paged.Rows, paged.Pager(LetterLinks.Archive, "")));
    }

    [HttpGet(LetterLinks.LetterRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Letter(Guid id, CancellationToken cancellationToken) =>
        await Sent().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } letter ? View("ArchivedLetter", letter) : NotFound();

    private IQueryable<Campaign> Sent() =>
        db.Campaigns.AsNoTracking().Where(c => c.Kind == CampaignKind.QuarterlyLetter && c.Status == CampaignStatus.Sent);
}

public sealed record ArchivePage(IReadOnlyList<Campaign> Letters, PagerModel Pager);
