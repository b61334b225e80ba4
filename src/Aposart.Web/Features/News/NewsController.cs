using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.News;

public sealed class ArticleInput
{
    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Indiquez le titre.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Résumé (liste et page d'accueil)")]
    [Required(ErrorMessage = "Écrivez un résumé de deux ou trois lignes.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Summary { get; set; }

    [Display(Name = "Texte")]
    [Required(ErrorMessage = "Écrivez le texte de l'article.")]
    [StringLength(20000, ErrorMessage = "20 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Date de publication")]
    [Required(ErrorMessage = "Indiquez la date de publication (jj/mm/aaaa).")]
    public DateOnly? PublishedOn { get; set; }

    [Display(Name = "Publié")]
    public bool Published { get; set; }

    [Display(Name = "Description de l'image (pour qui ne la voit pas)")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? ImageAlt { get; set; }

    [Display(Name = "Retirer l'image")]
    public bool RemoveImage { get; set; }

    public uint Version { get; set; }
}

public sealed record NewsList(IReadOnlyList<Article> Articles, int Total, PagerModel Pager, bool Admin);

public sealed record ArticleForm(ArticleInput Input, string Action, bool IsNew, bool HasImage);

/// <summary>News of the public site: the coordination writes, drafts stay hidden, published articles are listed and paged.</summary>
public sealed class NewsController(AposartDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 10;
    private const int MaxImageBytes = 1024 * 1024;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);

    [HttpGet(NewsLinks.Index), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Visible().OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.CreatedAt)
            .Select(a => new Article { Id = a.Id, Title = a.Title, Summary = a.Summary, PublishedOn = a.PublishedOn, ImageType = a.ImageType, ImageAlt = a.ImageAlt })
            .PageAsync(page, PageSize, cancellationToken);
        return View(new NewsList(paged.Rows, paged.Total, paged.Pager(NewsLinks.Index), false));
    }

    [HttpGet(NewsLinks.ArticleRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Article(Guid id, CancellationToken cancellationToken)
    {
        var staff = User.IsStaff();
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id && (staff || (a.Published && a.PublishedOn <= Today)))
            .Select(a => new Article { Id = a.Id, Title = a.Title, Summary = a.Summary, Body = a.Body, PublishedOn = a.PublishedOn, Published = a.Published, ImageType = a.ImageType, ImageAlt = a.ImageAlt })
            .SingleOrDefaultAsync(cancellationToken);
        return article is null ? NotFound() : View(article);
    }

    [HttpGet(NewsLinks.ImageRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Image(Guid id, CancellationToken cancellationToken)
    {
        var staff = User.IsStaff();
        var image = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.Image != null && (staff || (a.Published && a.PublishedOn <= Today)))
            .Select(a => new { a.Image, a.ImageType }).SingleOrDefaultAsync(cancellationToken);
        return image is null ? NotFound() : File(image.Image!, image.ImageType!);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(NewsLinks.Manage)]
    public async Task<IActionResult> Admin(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await db.Articles.AsNoTracking().OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.CreatedAt)
            .Select(a => new Article { Id = a.Id, Title = a.Title, Summary = a.Summary, PublishedOn = a.PublishedOn, Published = a.Published })
            .PageAsync(page, 25, cancellationToken);
        return View(new NewsList(paged.Rows, paged.Total, paged.Pager(NewsLinks.Manage), true));
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(NewsLinks.New)]
    public IActionResult Create() => View("Edit", new ArticleForm(new ArticleInput { PublishedOn = Today }, NewsLinks.New, true, false));

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(NewsLinks.New), RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] ArticleInput input, IFormFile? image, CancellationToken cancellationToken)
    {
        var (content, type) = await ImageAsync(image, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", new ArticleForm(input, NewsLinks.New, true, false));
        }
        var article = new Article { Image = content, ImageType = type };
        Apply(input, article);
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = article.Published ? "Article publié." : "Article enregistré en brouillon : il n'est pas visible du public.";
        return Redirect(NewsLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(NewsLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var a = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.Title, a.Summary, a.Body, a.PublishedOn, a.Published, a.ImageAlt, a.Version, HasImage = a.Image != null })
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return a is null ? NotFound() : View(new ArticleForm(new ArticleInput
        {
            Title = a.Title, Summary = a.Summary, Body = a.Body, PublishedOn = a.PublishedOn, Published = a.Published, ImageAlt = a.ImageAlt, Version = a.Version,
        }, NewsLinks.Edit(id), false, a.HasImage));
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(NewsLinks.EditRoute), RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] ArticleInput input, IFormFile? image, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        var (content, type) = await ImageAsync(image, cancellationToken);
        if (ModelState.IsValid && article.Version != input.Version)
        {
            ModelState.AddModelError("", "Cet article a été modifié par quelqu'un d'autre pendant que vous le modifiiez. Vos saisies sont conservées : "
                + "ouvrez-le dans un autre onglet pour voir la version enregistrée.");
            input.Version = article.Version;
        }
        if (!ModelState.IsValid)
        {
            return View(new ArticleForm(input, NewsLinks.Edit(id), false, article.Image is not null));
        }
        Apply(input, article);
        if (content is not null)
        {
            (article.Image, article.ImageType) = (content, type);
        }
        else if (input.RemoveImage)
        {
            (article.Image, article.ImageType) = (null, null);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Article enregistré.";
        return Redirect(NewsLinks.Manage);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(NewsLinks.DeleteRoute)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        TempData[deleted == 0 ? "Error" : "Message"] = deleted == 0 ? "Cet article n'existe plus." : "Article supprimé.";
        return Redirect(NewsLinks.Manage);
    }

    private IQueryable<Article> Visible() => db.Articles.AsNoTracking().Where(a => a.Published && a.PublishedOn <= Today);

    /// <summary>Reads an uploaded image, checked by its content and size; the problem goes into ModelState.</summary>
    private async Task<(byte[]? Content, string? Type)> ImageAsync(IFormFile? image, CancellationToken cancellationToken)
    {
        if (image is null || image.Length == 0)
        {
            return (null, null);
        }
        if (image.Length > MaxImageBytes)
        {
            ModelState.AddModelError("image", "L'image dépasse 1 Mo : réduisez-la avant de l'envoyer.");
            return (null, null);
        }
        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (FileSignatures.ImageType(content) is not { } type)
        {
            ModelState.AddModelError("image", "Ce fichier n'est pas une image PNG, JPEG ou WebP (son contenu ne correspond pas).");
            return (null, null);
        }
        return (content, type);
    }

    private static void Apply(ArticleInput input, Article article)
    {
        article.Title = input.Title!.Trim();
        article.Summary = input.Summary!.Trim();
        article.Body = input.Body!.Trim();
        article.PublishedOn = input.PublishedOn!.Value;
        article.Published = input.Published;
        article.ImageAlt = TextInput.TrimmedOrNull(input.ImageAlt);
    }
}
