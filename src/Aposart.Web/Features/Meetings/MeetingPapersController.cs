using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// The papers of a meeting, kept as members' documents (rubric « Documents de réunions »): a file under a title already
/// attached becomes its next version, the earlier ones staying; the convocation lists them, the convened find them on
/// their page.
/// </summary>
[Authorize(Policy = MeetingManagerHandler.Policy)]
public sealed class MeetingPapersController(AposartDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    public const string Category = "Documents de réunions";

    [HttpPost(MeetingLinks.DocumentsTemplate), RequestSizeLimit(12 * 1024 * 1024)]
    public async Task<IActionResult> Add(Guid id, string? title, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var cleanTitle = TextInput.TrimmedOrNull(title);
        var (content, type, refusal) = await UploadedDocument.ReadAsync(file, cancellationToken);
        refusal = cleanTitle is null || cleanTitle.Length > 200 ? "Donnez au document un titre de 200 caractères au plus." : refusal;
        if (refusal is not null)
        {
            TempData["Error"] = refusal;
            return Redirect(MeetingLinks.Manage(id) + "#documents");
        }
        var now = clock.GetUtcNow();
        var version = new DocumentVersion
        {
            Id = Guid.CreateVersion7(), FileName = UploadedDocument.FileName(file!.FileName), ContentType = type!, Size = content!.LongLength, Content = content,
            UploadedAt = now, UploadedByName = (await users.GetUserAsync(User))!.NameOrEmail,
        };
        var existing = await db.MeetingDocuments.Where(d => d.MeetingId == id && d.Document!.Title == cleanTitle).Select(d => d.Document!).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            version.DocumentId = existing.Id;
            version.Number = (await db.DocumentVersions.Where(v => v.DocumentId == existing.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            db.DocumentVersions.Add(version);
        }
        else
        {
            var category = await db.NamedAsync(Category, cancellationToken);
            version.Number = 1;
            var document = new MemberDocument { Id = Guid.CreateVersion7(), Category = category, Title = cleanTitle!, CreatedAt = now, Versions = [version] };
            db.MemberDocuments.Add(document);
            db.MeetingDocuments.Add(new MeetingDocument { MeetingId = id, DocumentId = document.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"« {cleanTitle} » : version {version.Number} ajoutée.";
        return Redirect(MeetingLinks.Manage(id) + "#documents");
    }
}
