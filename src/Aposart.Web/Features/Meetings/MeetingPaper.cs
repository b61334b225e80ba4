using Aposart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>A meeting's paper as the pages and the convocation list it: its latest version, without its content.</summary>
public sealed record MeetingPaper(Guid DocumentId, string Title, Guid VersionId, int Version, string FileName)
{
    public string Link => Documents.DocumentsLinks.Download(DocumentId, VersionId);

    public static Task<List<MeetingPaper>> OfAsync(AposartDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Document!.Title)
            .Select(d => d.Document!.Versions.OrderByDescending(v => v.Number)
                .Select(v => new MeetingPaper(d.DocumentId, d.Document.Title, v.Id, v.Number, v.FileName)).First())
            .ToListAsync(cancellationToken);
}
