using System.Globalization;
using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

/// <summary>The training calendar as professionals see it: month grid and list, each training's page, calendar feeds, registering.</summary>
public sealed class TrainingsController(AposartDbContext db, TrainingRegistrar registrar, IOptions<CptsOptions> cpts, TimeProvider clock) : Controller
{
    private const int PageSize = 20;

    [HttpGet(TrainingLinks.Calendar), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index([FromQuery] TrainingQuery query, int page = 1, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = now.ToParis();
        var month = query.MonthStart() ?? new DateOnly(today.Year, today.Month, 1);
        var upcoming = Filter(query).Where(t => t.Sessions.Any(s => s.EndsAt >= now))
            .OrderBy(t => t.Sessions.Min(s => s.StartsAt)).ThenBy(t => t.Id);
        var paged = await upcoming.Include(t => t.Sessions).Include(t => t.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed))
            .AsSplitQuery().PageAsync(page, PageSize, cancellationToken);
        var monthStart = ParisTime.FromParis(month, TimeOnly.MinValue);
        var monthEnd = ParisTime.FromParis(month.AddMonths(1), TimeOnly.MinValue);
        var sessions = await Filter(query).SelectMany(t => t.Sessions.Where(s => s.StartsAt >= monthStart && s.StartsAt < monthEnd)
                .Select(s => new { t.Id, t.Title, s.StartsAt, t.Status }))
            .ToListAsync(cancellationToken);
        var inMonth = sessions.OrderBy(s => s.StartsAt).Select(s => new CalendarEntry(s.Id, s.Title, s.StartsAt, s.Status)).ToList();
        var themes = await db.Trainings.Where(t => t.Status != TrainingStatus.Draft && t.Theme != null).Select(t => t.Theme!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return View(new TrainingCalendarPage(query, month, inMonth, paged.Rows, paged.Total, paged.Pager(TrainingLinks.Calendar, query.ToQueryString()), themes,
            DateOnly.FromDateTime(today.DateTime)));
    }

    [HttpGet(TrainingLinks.DetailsRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).Include(t => t.Trainers).Include(t => t.ActionSheet)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id && t.Status != TrainingStatus.Draft, cancellationToken);
        if (training is null)
        {
            return NotFound();
        }
        var confirmed = await db.TrainingRegistrations.CountAsync(r => r.TrainingId == id && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        var waitlisted = await db.TrainingRegistrations.CountAsync(r => r.TrainingId == id && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        TrainingRegistration? mine = null;
        int? position = null;
        var professional = await CurrentProfessionalAsync(cancellationToken);
        if (professional is not null)
        {
            mine = await db.TrainingRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.TrainingId == id && r.ProfessionalId == professional.Id, cancellationToken);
            position = mine is { Status: RegistrationStatus.Waitlisted } ? await registrar.WaitlistPositionAsync(mine, cancellationToken) : null;
        }
        return View(new TrainingPage(training, confirmed, waitlisted, User.Identity?.IsAuthenticated == true, professional is not null, mine, position, clock.GetUtcNow()));
    }

    [HttpGet(TrainingLinks.Feed), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMonths(-3);
        var trainings = await db.Trainings.AsNoTracking().Include(t => t.Sessions)
            .Where(t => t.Status != TrainingStatus.Draft && t.Sessions.Any(s => s.EndsAt >= since)).ToListAsync(cancellationToken);
        return Ics(TrainingCalendar.Ics(trainings, $"Formations {cpts.Value.ShortName}", Link), "formations.ics");
    }

    [HttpGet(TrainingLinks.TrainingFeedRoute), OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> TrainingFeed(Guid id, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).SingleOrDefaultAsync(t => t.Id == id && t.Status != TrainingStatus.Draft, cancellationToken);
        return training is null ? NotFound() : Ics(TrainingCalendar.Ics([training], training.Title, Link), "formation.ics");
    }

    [Authorize]
    [HttpPost(TrainingLinks.RegisterRoute)]
    public async Task<IActionResult> Register(Guid id, CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        if (professional is null)
        {
            TempData["Error"] = "Pour vous inscrire, complétez d'abord votre profil professionnel.";
            return Redirect(Features.Profile.ProfileLinks.Edit);
        }
        var outcome = await registrar.RegisterAsync(id, professional, User.IsMember(), cancellationToken);
        TempData[outcome.Done ? "Message" : "Error"] = outcome.Message;
        return Redirect(TrainingLinks.Details(id));
    }

    [Authorize]
    [HttpPost(TrainingLinks.CancelRoute)]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        var outcome = professional is null
            ? new RegistrationOutcome(false, "Aucune inscription en cours à cette formation.")
            : await registrar.CancelAsync(id, professional.Id, byCoordinator: false, cancellationToken);
        TempData[outcome.Done ? "Message" : "Error"] = outcome.Message;
        return Redirect(TrainingLinks.Details(id));
    }

    private string Link(Training training) => cpts.Value.PublicUrl.TrimEnd('/') + TrainingLinks.Details(training.Id);

    private FileContentResult Ics(string text, string fileName) =>
        File(Encoding.UTF8.GetBytes(text), TrainingCalendar.ContentType + "; charset=utf-8", fileName);

    private IQueryable<Training> Filter(TrainingQuery query)
    {
        var trainings = db.Trainings.AsNoTracking().Where(t => t.Status != TrainingStatus.Draft);
        if (query.Profession is { } profession)
        {
            // A training open to every profession names none.
            trainings = trainings.Where(t => t.TargetProfessions.Count == 0 || t.TargetProfessions.Contains(profession));
        }
        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            trainings = trainings.Where(t => t.Theme == query.Theme);
        }
        return trainings;
    }

    private Task<Professional?> CurrentProfessionalAsync(CancellationToken cancellationToken) => db.Professionals.OfUserAsync(User, cancellationToken);
}

public sealed record TrainingQuery
{
    public Profession? Profession { get; init; }
    public string? Theme { get; init; }
    /// <summary>"2026-12": the month the calendar shows.</summary>
    public string? Mois { get; init; }

    public DateOnly? MonthStart() =>
        DateOnly.TryParseExact($"{Mois}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? month : null;

    public string ToQueryString(string? month = null) => string.Join("&", new[]
    {
        Profession is null ? null : "profession=" + Profession,
        string.IsNullOrWhiteSpace(Theme) ? null : "theme=" + Uri.EscapeDataString(Theme),
        (month ?? Mois) is { Length: > 0 } m ? "mois=" + m : null,
    }.Where(p => p is not null));
}

public sealed record CalendarEntry(Guid TrainingId, string Title, DateTimeOffset StartsAt, TrainingStatus Status);

public sealed record TrainingCalendarPage(TrainingQuery Query, DateOnly Month, IReadOnlyList<CalendarEntry> InMonth, IReadOnlyList<Training> Upcoming,
    int Total, PagerModel Pager, IReadOnlyList<string> Themes, DateOnly Today);

public sealed record TrainingPage(Training Training, int Confirmed, int Waitlisted, bool SignedIn, bool HasProfile, TrainingRegistration? Mine,
    int? WaitlistPosition, DateTimeOffset Now)
{
    public int SeatsLeft => Math.Max(0, Training.Capacity - Confirmed);

    public bool IsOpen => Training.Status == TrainingStatus.Published && (Training.RegistrationOpensAt is null || Training.RegistrationOpensAt <= Now)
        && (Training.ClosesAt is null || Training.ClosesAt > Now);

    public bool IsRegistered => Mine is { Status: not RegistrationStatus.Cancelled };
}
