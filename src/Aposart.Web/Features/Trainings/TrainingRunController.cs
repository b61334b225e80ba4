using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

/// <summary>Running one training: registrations and waitlist, organisation checklist, attendance and its PDFs, mails, survey.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class TrainingRunController(AposartDbContext db, UserManager<AppUser> users, TrainingRegistrar registrar, TrainingDocuments documents,
    PortalMailer mailer, IOptions<CptsOptions> cpts, TimeProvider clock) : Controller
{
    [HttpGet(TrainingLinks.ManageRoute)]
    public async Task<IActionResult> Manage(Guid id, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).ThenInclude(s => s.Attendance).Include(t => t.Trainers)
            .Include(t => t.Checklist).Include(t => t.Registrations).ThenInclude(r => r.Professional).Include(t => t.ActionSheet)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (training is null)
        {
            return NotFound();
        }
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.TrainingId == id).OrderBy(a => a.AnsweredAt).ToListAsync(cancellationToken);
        return View(new TrainingManagePage(training, SurveyResults.Of(answers), clock.GetUtcNow()));
    }

    [HttpGet(TrainingLinks.ExportRegistrationsRoute)]
    public async Task<IActionResult> ExportRegistrations(Guid id, CancellationToken cancellationToken)
    {
        var registrations = await db.TrainingRegistrations.AsNoTracking().Include(r => r.Professional).Where(r => r.TrainingId == id)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ToListAsync(cancellationToken);
        return CsvExport.File("inscrits.csv", ["Nom", "Prénom", "Profession", "Statut", "Inscrit le"],
            registrations.Select(r => (IReadOnlyList<string?>)
                [r.Professional!.LastName, r.Professional.FirstName, r.Professional.Profession.Label(), r.Status.Label(), r.RegisteredAt.ToParisString()]));
    }

    [HttpPost(TrainingLinks.CancelRegistrationRoute)]
    public async Task<IActionResult> CancelRegistration(Guid id, Guid professionalId, CancellationToken cancellationToken)
    {
        var outcome = await registrar.CancelAsync(id, professionalId, byCoordinator: true, cancellationToken);
        TempData[outcome.Done ? "Message" : "Error"] = outcome.Message;
        return Redirect($"/gestion/formations/{id}#inscrits");
    }

    [HttpPost(TrainingLinks.ToggleChecklistItemRoute)]
    public async Task<IActionResult> ToggleChecklistItem(Guid id, Guid itemId, bool done, CancellationToken cancellationToken)
    {
        var item = await db.TrainingChecklistItems.SingleOrDefaultAsync(c => c.Id == itemId && c.TrainingId == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        item.DoneAt = done ? clock.GetUtcNow() : null;
        item.DoneByName = done ? (await users.GetUserAsync(User))!.NameOrEmail : null;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/gestion/formations/{id}#organisation");
    }

    [HttpPost(TrainingLinks.AddChecklistItemRoute)]
    public async Task<IActionResult> AddChecklistItem(Guid id, string? label, CancellationToken cancellationToken)
    {
        if (!await db.Trainings.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 200)
        {
            TempData["Error"] = "L'intitulé de la tâche doit compter entre 1 et 200 caractères.";
            return Redirect($"/gestion/formations/{id}#organisation");
        }
        var last = await db.TrainingChecklistItems.Where(c => c.TrainingId == id).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? -1;
        db.TrainingChecklistItems.Add(new TrainingChecklistItem { TrainingId = id, Label = label.Trim(), SortOrder = last + 1 });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/gestion/formations/{id}#organisation");
    }

    /// <summary>Everyone registered for the session is marked: ticked present, the others absent.</summary>
    [HttpPost(TrainingLinks.MarkAttendanceRoute)]
    public async Task<IActionResult> MarkAttendance(Guid id, Guid sessionId, List<Guid> present, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.Include(s => s.Attendance).SingleOrDefaultAsync(s => s.Id == sessionId && s.TrainingId == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }
        var registered = await db.TrainingRegistrations.Where(r => r.TrainingId == id && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.ProfessionalId).ToListAsync(cancellationToken);
        var by = (await users.GetUserAsync(User))!.NameOrEmail;
        var now = clock.GetUtcNow();
        foreach (var professionalId in registered.Union(session.Attendance.Select(a => a.ProfessionalId)).ToList())
        {
            var mark = session.Attendance.FirstOrDefault(a => a.ProfessionalId == professionalId);
            if (mark is null)
            {
                mark = new SessionAttendance { SessionId = sessionId, ProfessionalId = professionalId };
                session.Attendance.Add(mark);
            }
            var isPresent = present.Contains(professionalId);
            if (mark.Present != isPresent || mark.MarkedByName.Length == 0)
            {
                mark.Present = isPresent;
                mark.MarkedAt = now;
                mark.MarkedByName = by;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Présences enregistrées : {present.Intersect(registered).Count()} présent(s) sur {registered.Count} inscrit(s).";
        return Redirect($"/gestion/formations/{id}#presences");
    }

    [HttpGet(TrainingLinks.AttendanceSheetRoute)]
    public async Task<IActionResult> AttendanceSheet(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        await documents.AttendanceSheetAsync(id, sessionId, cancellationToken) is { } pdf ? File(pdf, "application/pdf", "feuille-emargement.pdf") : NotFound();

    [HttpGet(TrainingLinks.TrainingRunCertificateRoute)]
    public async Task<IActionResult> Certificate(Guid id, Guid professionalId, CancellationToken cancellationToken) =>
        await documents.CertificateAsync(id, professionalId, cancellationToken) is { } pdf ? File(pdf, "application/pdf", "attestation-de-presence.pdf") : NotFound();

    [HttpPost(TrainingLinks.MessageRoute)]
    public async Task<IActionResult> Message(Guid id, string? subject, [DataType(DataType.MultilineText)] string? body, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (training is null)
        {
            return NotFound();
        }
        // The subject goes into a mail header: the model validation has refused line breaks and control characters in it.
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(subject) || subject.Length > 200 || string.IsNullOrWhiteSpace(body) || body.Length > 5000)
        {
            TempData["Error"] = "Le message a besoin d'un objet sur une ligne (200 caractères au plus) et d'un texte (5 000 caractères au plus).";
            TempData["MessageSubject"] = subject?[..Math.Min(subject.Length, 200)];
            TempData["MessageBody"] = body?[..Math.Min(body.Length, 5000)];
            return Redirect($"/gestion/formations/{id}#message");
        }
        var recipients = (await Recipients(id).ToListAsync(cancellationToken)).Select(r => (r.Email!, r.Name)).ToList();
        var sent = 0;
        foreach (var (email, name) in recipients)
        {
            var paragraphs = body.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            sent += await mailer.SendAsync(email, name, $"[{cpts.Value.ShortName}] {subject.Trim()}", paragraphs, ("Voir la formation", TrainingLinks.Details(id)), cancellationToken) ? 1 : 0;
        }
        TempData["Message"] = $"Message envoyé à {sent} inscrit(s) sur {recipients.Count}.";
        return Redirect($"/gestion/formations/{id}#message");
    }

    [HttpPost(TrainingLinks.SendSurveyRoute)]
    public async Task<IActionResult> SendSurvey(Guid id, [FromServices] TrainingSurveys surveys, CancellationToken cancellationToken)
    {
        if (!await db.Trainings.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var sent = await surveys.SendAsync(id, (await users.GetUserAsync(User))!.NameOrEmail, cancellationToken);
        TempData["Message"] = sent == 0
            ? "Aucun participant présent n'attend le questionnaire (les présences sont-elles saisies ?)."
            : $"Questionnaire envoyé à {sent} participant(s).";
        return Redirect($"/gestion/formations/{id}#satisfaction");
    }

    private IQueryable<TrainingRecipient> Recipients(Guid id) =>
        db.TrainingRegistrations.Where(r => r.TrainingId == id && r.Status == RegistrationStatus.Confirmed)
            .Join(db.Users, r => r.Professional!.UserId, u => u.Id, (r, u) => new { u.Email, r.Professional!.FirstName, r.Professional.LastName })
            .Where(x => x.Email != null)
            .Select(x => new TrainingRecipient { Email = x.Email, Name = x.FirstName + " " + x.LastName });
}

/// <summary>A registrant a message goes to (a class, since Npgsql cannot read a tuple from a projection).</summary>
public sealed class TrainingRecipient
{
    public string? Email { get; init; }
    public string Name { get; init; } = "";
}

public sealed record TrainingManagePage(Training Training, SurveyResults Survey, DateTimeOffset Now)
{
    public IEnumerable<TrainingRegistration> Confirmed => Training.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).OrderBy(r => r.Professional!.LastName);

    public IEnumerable<TrainingRegistration> Waitlist => Training.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id);

    public IEnumerable<TrainingRegistration> Cancelled => Training.Registrations.Where(r => r.Status == RegistrationStatus.Cancelled).OrderBy(r => r.CancelledAt);

    public string StatusLabel => TrainingDisplay.StatusLabel(Training.Status, Confirmed.Count(), Training.Capacity);
}

/// <summary>The questionnaire's answers summed up: averages per question, counts per mark, comments without names.</summary>
public sealed record SurveyResults(int Answers, IReadOnlyList<SurveyQuestionResult> Questions, IReadOnlyList<string> Comments)
{
    public static readonly IReadOnlyList<(string Label, Func<SurveyAnswer, int> Mark)> Questionnaire =
    [
        ("Contenu", a => a.Content), ("Intervenant", a => a.Trainer), ("Organisation", a => a.Organisation), ("Utilité pour ma pratique", a => a.Usefulness),
    ];

    public static SurveyResults Of(IReadOnlyList<SurveyAnswer> answers) => new(answers.Count,
        [.. Questionnaire.Select(q => new SurveyQuestionResult(q.Label,
            answers.Count == 0 ? null : Math.Round((decimal)answers.Average(q.Mark), 1),
            [.. Enumerable.Range(1, 5).Select(mark => answers.Count(a => q.Mark(a) == mark))]))],
        [.. answers.Where(a => a.Comment is not null).Select(a => a.Comment!)]);
}

public sealed record SurveyQuestionResult(string Question, decimal? Average, IReadOnlyList<int> CountPerMark)
{
    public string AverageText => Average?.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")) ?? "—";
}
