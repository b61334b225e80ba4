using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Documents;

public sealed record DocumentRow(Guid Id, int CategoryId, string Title, string? Description, IReadOnlyList<VersionRow> Versions);

public sealed record VersionRow(Guid Id, int Number, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedByName);

public sealed record DocumentsPage(IReadOnlyList<DocumentCategory> Categories, IReadOnlyList<DocumentRow> Documents, bool Manage);

/// <summary>Protocols and tools for the adherents: the coordination uploads (type checked by content), every version is kept, only members download.</summary>
[Authorize(Roles = Roles.Members)]
public sealed class DocumentsController(AposartDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    [HttpGet(DocumentsLinks.Mine)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await PageAsync(false, cancellationToken));

    [HttpGet(DocumentsLinks.DownloadRoute)]
    public async Task<IActionResult> Download(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.DocumentId == id, cancellationToken);
        return version is null ? NotFound() : File(version.Content, version.ContentType, version.FileName);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(DocumentsLinks.Manage)]
    public async Task<IActionResult> Manage(CancellationToken cancellationToken) => View("Index", await PageAsync(true, cancellationToken));

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(DocumentsLinks.AddCategory)]
    public async Task<IActionResult> AddCategory(string? name, CancellationToken cancellationToken)
    {
        var cleaned = TextInput.TrimmedOrNull(name);
        if (cleaned is null || cleaned.Length > 100 || await db.DocumentCategories.AnyAsync(c => c.Name == cleaned, cancellationToken))
        {
            TempData["Error"] = "Donnez à la rubrique un nom de 100 caractères au plus, différent des rubriques existantes.";
        }
        else
        {
            db.DocumentCategories.Add(new DocumentCategory { Name = cleaned, SortOrder = await db.DocumentCategories.CountAsync(cancellationToken) + 1 });
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Rubrique « {cleaned} » ajoutée.";
        }
        return Redirect(DocumentsLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(DocumentsLinks.Manage), RequestSizeLimit(12 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int? categoryId, string? title, string? description, IFormFile? file, CancellationToken cancellationToken)
    {
        var cleanTitle = TextInput.TrimmedOrNull(title);
        var refusal = categoryId is null || !await db.DocumentCategories.AnyAsync(c => c.Id == categoryId, cancellationToken) ? "Choisissez la rubrique."
            : cleanTitle is null || cleanTitle.Length > 200 ? "Donnez un titre de 200 caractères au plus."
            : null;
        var (content, type, fileRefusal) = await UploadedDocument.ReadAsync(file, cancellationToken);
        if ((refusal ??= fileRefusal) is not null)
        {
            TempData["Error"] = refusal;
            return Redirect(DocumentsLinks.Manage);
        }
        var about = TextInput.TrimmedOrNull(description);
        db.MemberDocuments.Add(new MemberDocument
        {
            CategoryId = categoryId!.Value, Title = cleanTitle!, Description = about is { Length: > 1000 } ? about[..1000] : about,
            CreatedAt = clock.GetUtcNow(), Versions = [await VersionAsync(1, file!, content!, type!)],
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Document « {cleanTitle} » ajouté : les adhérents peuvent le télécharger.";
        return Redirect(DocumentsLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(DocumentsLinks.NewVersionRoute), RequestSizeLimit(12 * 1024 * 1024)]
    public async Task<IActionResult> NewVersion(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        var document = await db.MemberDocuments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        var (content, type, refusal) = await UploadedDocument.ReadAsync(file, cancellationToken);
        if (refusal is not null)
        {
            TempData["Error"] = refusal;
            return Redirect(DocumentsLinks.Manage);
        }
        var number = await db.DocumentVersions.Where(v => v.DocumentId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = await VersionAsync(number + 1, file!, content!, type!);
        version.DocumentId = id;
        db.DocumentVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Version {number + 1} de « {document.Title} » ajoutée ; les précédentes restent disponibles.";
        return Redirect(DocumentsLinks.Manage);
    }

    private async Task<DocumentVersion> VersionAsync(int number, IFormFile file, byte[] content, string type) => new()
    {
        Number = number, FileName = UploadedDocument.FileName(file.FileName), ContentType = type, Size = content.LongLength, Content = content, UploadedAt = clock.GetUtcNow(),
        UploadedByName = (await users.GetUserAsync(User))!.NameOrEmail,
    };

    private async Task<DocumentsPage> PageAsync(bool manage, CancellationToken cancellationToken)
    {
        var categories = await db.DocumentCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var documents = await db.MemberDocuments.AsNoTracking().OrderBy(d => d.Title)
            .Select(d => new DocumentRow(d.Id, d.CategoryId, d.Title, d.Description,
                d.Versions.OrderByDescending(v => v.Number).Select(v => new VersionRow(v.Id, v.Number, v.FileName, v.Size, v.UploadedAt, v.UploadedByName)).ToList()))
            .ToListAsync(cancellationToken);
        return new DocumentsPage(categories, documents, manage);
    }
}
