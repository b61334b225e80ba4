using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Agenda;

public sealed record AgendaEntry(DateTimeOffset StartsAt, string Title, string Kind, string? Place, string Link, int? PlacesLeft);

public sealed record AgendaPage(IReadOnlyList<AgendaEntry> Entries, int Total, PagerModel Pager);

public sealed record PublicMeetingPage(Meeting Meeting, int Confirmed, int Waiting, bool Open, PublicRegistrationInput Input);

public sealed record RegistrationPage(PublicRegistration Registration, Meeting Meeting, int? WaitingRank, bool CanCancel);

/// <summary>The public agenda: the trainings and the public meetings to come; registering to a public meeting without an account.</summary>
[AllowAnonymous]
public sealed class AgendaController(AposartDbContext db, PublicRegistrations registrations, TimeProvider clock) : Controller
{
    private const int PageSize = 20;

    [HttpGet(AgendaLinks.Index)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var trainings = await db.Trainings.AsNoTracking().Where(t => t.Status == TrainingStatus.Published && t.Sessions.Any(s => s.StartsAt >= now))
            .Select(t => new { t.Id, t.Title, Next = t.Sessions.Where(s => s.StartsAt >= now).OrderBy(s => s.StartsAt).First(), t.Capacity,
                Taken = t.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed) })
            .Take(500).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Kind == MeetingKind.Public && m.Status == MeetingStatus.Convened && m.StartsAt >= now)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Place, m.VideoLink, m.Capacity,
                Taken = db.PublicRegistrations.Count(r => r.MeetingId == m.Id && r.Status == PublicRegistrationStatus.Confirmed) })
            .Take(500).ToListAsync(cancellationToken);
        var entries = trainings.Select(t => new AgendaEntry(t.Next.StartsAt, t.Title, "Formation", t.Next.Place, Trainings.TrainingLinks.Details(t.Id), Math.Max(0, t.Capacity - t.Taken)))
            .Concat(meetings.Select(m => new AgendaEntry(m.StartsAt, m.Title, MeetingKind.Public.Label(), m.Place ?? m.VideoLink, AgendaLinks.Meeting(m.Id),
                m.Capacity is { } c ? Math.Max(0, c - m.Taken) : null)))
            .OrderBy(e => e.StartsAt).ToList();
        var current = Math.Clamp(page, 1, Math.Max(1, (entries.Count + PageSize - 1) / PageSize));
        return View(new AgendaPage([.. entries.Skip((current - 1) * PageSize).Take(PageSize)], entries.Count,
            new PagerModel(current, Math.Max(1, (entries.Count + PageSize - 1) / PageSize), AgendaLinks.Index, null)));
    }

    [HttpGet(AgendaLinks.MeetingTemplate)]
    public async Task<IActionResult> Meeting(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, new PublicRegistrationInput(), cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost(AgendaLinks.MeetingTemplate), EnableRateLimiting(RateLimitOptions.RegistrationPolicy)]
    public async Task<IActionResult> Meeting(Guid id, [Bind(Prefix = nameof(PublicMeetingPage.Input))] PublicRegistrationInput input, CancellationToken cancellationToken)
    {
        Profession? profession = null;
        if (input.Attendee is { } attendee && attendee != PublicRegistrationInput.Patient)
        {
            if (Enum.TryParse<Profession>(attendee, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(attendee, out _))
            {
                profession = parsed;
            }
            else
            {
                ModelState.AddModelError($"{nameof(PublicMeetingPage.Input)}.{nameof(PublicRegistrationInput.Attendee)}", "Choisissez dans la liste.");
            }
        }
        if (ModelState.IsValid)
        {
            var outcome = await registrations.RegisterAsync(id, input.Name!, input.Email!, profession, cancellationToken);
            if (outcome.Registration is { } registration)
            {
                TempData["Message"] = registration.Status == PublicRegistrationStatus.Confirmed
                    ? "Votre inscription est confirmée : un courriel vous a été envoyé avec le fichier agenda."
                    : "La réunion est complète : vous êtes sur la liste d'attente, un courriel vous le confirme.";
                return Redirect(AgendaLinks.Registration(registration.Token));
            }
            ModelState.AddModelError($"{nameof(PublicMeetingPage.Input)}.{nameof(PublicRegistrationInput.Email)}", outcome.Error!);
        }
        return await PageAsync(id, input, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [HttpGet(AgendaLinks.RegistrationTemplate)]
    public async Task<IActionResult> Registration(string token, CancellationToken cancellationToken)
    {
        var registration = await db.PublicRegistrations.AsNoTracking().Include(r => r.Meeting).SingleOrDefaultAsync(r => r.Token == token, cancellationToken);
        if (registration?.Meeting is not { } meeting)
        {
            return NotFound();
        }
        int? rank = registration.Status == PublicRegistrationStatus.Waitlisted
            ? await db.PublicRegistrations.CountAsync(r => r.MeetingId == meeting.Id && r.Status == PublicRegistrationStatus.Waitlisted
                && (r.CreatedAt < registration.CreatedAt || r.CreatedAt == registration.CreatedAt && r.Id.CompareTo(registration.Id) < 0), cancellationToken) + 1
            : null;
        return View(new RegistrationPage(registration, meeting, rank, registration.Status != PublicRegistrationStatus.Cancelled && meeting.StartsAt > clock.GetUtcNow()));
    }

    [HttpPost(AgendaLinks.CancelTemplate)]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        var error = await registrations.CancelAsync(token, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Votre inscription est annulée.";
        return Redirect(AgendaLinks.Registration(token));
    }

    [HttpGet(AgendaLinks.CalendarTemplate)]
    public async Task<IActionResult> Calendar(string token, CancellationToken cancellationToken) =>
        await db.PublicRegistrations.AsNoTracking().Where(r => r.Token == token && r.Status == PublicRegistrationStatus.Confirmed).Select(r => r.Meeting)
            .SingleOrDefaultAsync(cancellationToken) is { } meeting
            ? File(registrations.Ics(meeting), IcsCalendar.ContentType, "reunion.ics")
            : NotFound();

    public static string Attendee(PublicRegistration r) => r.Profession?.Label() ?? "Usager";

    public static string Label(PublicRegistrationStatus status) => status switch
    {
        PublicRegistrationStatus.Confirmed => "Inscrit·e",
        PublicRegistrationStatus.Waitlisted => "Liste d'attente",
        _ => "Annulée",
    };

    private async Task<PublicMeetingPage?> PageAsync(Guid id, PublicRegistrationInput input, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == id && m.Kind == MeetingKind.Public && m.Status != MeetingStatus.Draft, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var counts = await db.PublicRegistrations.Where(r => r.MeetingId == id).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new PublicMeetingPage(meeting, counts.GetValueOrDefault(PublicRegistrationStatus.Confirmed), counts.GetValueOrDefault(PublicRegistrationStatus.Waitlisted),
            PublicRegistrations.Open(meeting, clock.GetUtcNow()), input);
    }
}

/// <summary>The registrations of a public meeting, for the bureau and the coordination.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class AgendaExportController(AposartDbContext db) : Controller
{
    [HttpGet(AgendaLinks.ExportTemplate)]
    public async Task<IActionResult> Export(Guid id, CancellationToken cancellationToken)
    {
        var rows = await db.PublicRegistrations.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.Status).ThenBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return CsvExport.File("inscriptions.csv", ["Nom", "Adresse", "Vient comme", "Statut", "Inscrit le"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.Email, AgendaController.Attendee(r), AgendaController.Label(r.Status), r.CreatedAt.ToParisString()]));
    }
}
