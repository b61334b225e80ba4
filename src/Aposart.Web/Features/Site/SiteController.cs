using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Site;

public sealed class ContactInput
{
    [Display(Name = "Nom et prénom")]
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail pour que nous puissions vous répondre.")]
    [ValidEmail]
    public string? Email { get; set; }

    [Display(Name = "Téléphone (facultatif)")]
    [PhoneNumber]
    public string? Phone { get; set; }

    [Display(Name = "Objet")]
    [Required(ErrorMessage = "Indiquez l'objet de votre message.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Subject { get; set; }

    [Display(Name = "Message")]
    [Required(ErrorMessage = "Écrivez votre message.")]
    [StringLength(5000, MinimumLength = 10, ErrorMessage = "Entre 10 et 5 000 caractères.")]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    /// <summary>Hidden from people; a robot that fills every field fills this one too.</summary>
    public string? Website { get; set; }
}

public sealed record ContactPage(ContactInput Input);

public sealed record HomePage(IReadOnlyList<Training> Trainings, Campaign? Letter, bool HasCentres, IReadOnlyList<Article> News);

public sealed record ContactList(IReadOnlyList<ContactMessage> Messages, int Total, PagerModel Pager, int Open, bool All);

/// <summary>The public site around the features: home, contact, legal pages, sitemap and robots.</summary>
public sealed class SiteController(AposartDbContext db, PortalMailer mailer, IOptions<CptsOptions> cpts, TimeProvider clock, ILogger<SiteController> logger) : Controller
{
    [HttpGet("/"), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Home(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var trainings = await db.Trainings.AsNoTracking().Include(t => t.Sessions)
            .Where(t => (t.Status == TrainingStatus.Published) && t.Sessions.Any(s => s.StartsAt > now))
            .OrderBy(t => t.Sessions.Min(s => s.StartsAt)).Take(3).AsSplitQuery().ToListAsync(cancellationToken);
        var letter = await db.Campaigns.AsNoTracking().Where(c => c.Kind == CampaignKind.QuarterlyLetter && c.Status == CampaignStatus.Sent)
            .OrderByDescending(c => c.SentAt).FirstOrDefaultAsync(cancellationToken);
        var centres = await db.VaccinationCentres.AnyAsync(c => c.Published && c.Status == CentreStatus.Open, cancellationToken);
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var news = await db.Articles.AsNoTracking().Where(a => a.Published && a.PublishedOn <= today).OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.CreatedAt)
            .Select(a => new Article { Id = a.Id, Title = a.Title, PublishedOn = a.PublishedOn }).Take(3).ToListAsync(cancellationToken);
        return View(new HomePage(trainings, letter, centres, news));
    }

    [HttpGet(SiteLinks.Contact)]
    public IActionResult Contact() => View(new ContactPage(new ContactInput()));

    [HttpPost(SiteLinks.Contact), EnableRateLimiting(RateLimitOptions.ContactPolicy)]
    public async Task<IActionResult> Contact([Bind(Prefix = "Input")] ContactInput input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(input.Website))
        {
            // A robot: it is told what a person would be told, and nothing is kept or sent.
            logger.LogInformation("Contact form: honeypot filled, message dropped");
            TempData["Message"] = "Merci, votre message a bien été envoyé. Nous vous répondrons rapidement.";
            return Redirect(SiteLinks.Contact);
        }
        if (!ModelState.IsValid)
        {
            return View(new ContactPage(input));
        }
        var message = new ContactMessage
        {
            Name = input.Name!.Trim(), Email = input.Email!.Trim(), Phone = TextInput.TrimmedOrNull(input.Phone), Subject = input.Subject!.Trim(),
            Body = input.Body!.Trim(), ReceivedAt = clock.GetUtcNow(),
        };
        // The message and its mail to the CPTS are saved together by the mailer.
        db.ContactMessages.Add(message);
        var c = cpts.Value;
        await mailer.SendAsync(c.Email, c.ShortName, $"[Contact] {message.Subject}",
        [
            $"Message de {message.Name} <{message.Email}>{(message.Phone is null ? "" : $", téléphone {message.Phone}")}, reçu le {message.ReceivedAt.ToParisString()} :",
            .. message.Body.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries),
            "Répondez directement à l'adresse de l'expéditeur.",
        ], ("Messages reçus", SiteLinks.Messages), cancellationToken);
        TempData["Message"] = "Merci, votre message a bien été envoyé. Nous vous répondrons rapidement.";
        return Redirect(SiteLinks.Contact);
    }

    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpGet(SiteLinks.Messages)]
    public async Task<IActionResult> Messages(bool tous = false, int page = 1, CancellationToken cancellationToken = default)
    {
        // What waits for an answer comes first; the handled ones stay one click away.
        var query = db.ContactMessages.AsNoTracking().Where(m => tous || m.HandledAt == null);
        var paged = await query.OrderByDescending(m => m.ReceivedAt).ThenBy(m => m.Id).PageAsync(page, 20, cancellationToken);
        var open = await db.ContactMessages.CountAsync(m => m.HandledAt == null, cancellationToken);
        return View(new ContactList(paged.Rows, paged.Total, paged.Pager(SiteLinks.Messages, tous ? "tous=true" : null), open, tous));
    }

    /// <summary>Marks a message as dealt with (answered by mail or telephone); a second click changes nothing.</summary>
    [Authorize(Roles = Roles.BoardOrCoordinator)]
    [HttpPost(SiteLinks.HandledRoute)]
    public async Task<IActionResult> Handled(Guid id, CancellationToken cancellationToken)
    {
        var marked = await db.ContactMessages.Where(m => m.Id == id && m.HandledAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.HandledAt, clock.GetUtcNow()), cancellationToken);
        TempData["Message"] = marked == 1 ? "Message marqué comme traité." : "Ce message était déjà traité.";
        return Redirect(SiteLinks.Messages);
    }

    [HttpGet(SiteLinks.Legal), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Legal() => View();

    [HttpGet(SiteLinks.Privacy), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Privacy() => View();

    [HttpGet(SiteLinks.Accessibility), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Accessibility() => View();

    [HttpGet("/robots.txt"), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Robots() => Content($"User-agent: *\nDisallow: /gestion/\nDisallow: /espace/\nDisallow: /compte/\nDisallow: /desabonnement/\n"
        + $"Disallow: /formations/questionnaire/\nSitemap: {cpts.Value.PublicUrl.TrimEnd('/')}/sitemap.xml\n", "text/plain", Encoding.UTF8);

    [HttpGet("/sitemap.xml"), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var root = cpts.Value.PublicUrl.TrimEnd('/');
        var paths = new List<string> { "/", Features.News.NewsLinks.Index, Features.Cpts.CptsLinks.Index, Features.Fiches.FichesLinks.Public, Features.Trainings.TrainingLinks.Calendar, Features.Vaccination.VaccinationLinks.Public, Features.Directory.DirectoryLinks.Public, Features.Directory.DirectoryLinks.Organisations, Features.Letters.LetterLinks.Archive, SiteLinks.Contact,
            SiteLinks.Legal, SiteLinks.Privacy, SiteLinks.Accessibility };
        paths.AddRange((await db.Trainings.Where(t => t.Status == TrainingStatus.Published || t.Status == TrainingStatus.Held).Select(t => t.Id).ToListAsync(cancellationToken))
            .Select(id => Features.Trainings.TrainingLinks.Details(id)));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        paths.AddRange((await db.Articles.Where(a => a.Published && a.PublishedOn <= today).Select(a => a.Id).ToListAsync(cancellationToken)).Select(id => Features.News.NewsLinks.Article(id)));
        paths.AddRange((await db.Professionals.Where(p => p.ListedInPublicDirectory && p.AnonymisedAt == null).Select(p => p.Id).ToListAsync(cancellationToken))
            .Select(id => Features.Directory.DirectoryLinks.PublicEntry(id)));
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <url><loc>{System.Security.SecurityElement.Escape(root + path)}</loc></url>\n");
        }
        xml.Append("</urlset>\n");
        return Content(xml.ToString(), "application/xml", Encoding.UTF8);
    }
}
