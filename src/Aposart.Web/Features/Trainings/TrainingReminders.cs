using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

/// <summary>
/// Reminds each registrant two days before a training starts, and sends the satisfaction questionnaire to those marked
/// present once the training is over. Each mail is claimed in the database before it leaves, so that it goes once even
/// with two instances running.
/// </summary>
public sealed class TrainingReminders(AposartDbContext db, PortalMailer mailer, TrainingRegistrar registrar, TrainingSurveys surveys, IOptions<CptsOptions> cpts,
    TimeProvider clock) : IPeriodicJob
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(2);

    public string Name => "Rappels de formation";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + Ahead;
        var due = await db.TrainingRegistrations.AsNoTracking().Include(r => r.Professional).Include(r => r.Training).ThenInclude(t => t!.Sessions)
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentAt == null && r.Training!.Status == TrainingStatus.Published
                && r.Training.Sessions.Min(s => s.StartsAt) > now && r.Training.Sessions.Min(s => s.StartsAt) <= horizon)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var addresses = await db.MailAddressesAsync([.. due.Select(r => r.Professional!)], cancellationToken);
        var sent = 0;
        foreach (var registration in due)
        {
            Task<int> Claim(CancellationToken c) => db.TrainingRegistrations.Where(r => r.Id == registration.Id && r.ReminderSentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReminderSentAt, now), c);
            var training = registration.Training!;
            var professional = registration.Professional!;
            if (!addresses.TryGetValue(professional.Id, out var email))
            {
                await Claim(cancellationToken);
                continue;
            }
            var first = training.Sessions.OrderBy(s => s.StartsAt).First();
            if (!await mailer.ClaimThenQueueAsync(Claim, m => m.Queue(email, professional.DisplayName, $"[{cpts.Value.ShortName}] Rappel : {training.Title}",
                    [$"La formation « {training.Title} » a lieu le {first.StartsAt.ToParisString("dddd d MMMM 'à' HH'h'mm")}, {first.Place}.",
                        "Empêché ? Désinscrivez-vous depuis la page de la formation : votre place ira à la première personne de la liste d'attente."],
                    ("Voir la formation", TrainingLinks.Details(training.Id)),
                    [new MailAttachment("formation.ics", TrainingCalendar.ContentType, registrar.IcsFile(training))]), cancellationToken))
            {
                continue;
            }
            sent++;
        }
        // The day after the last session, attendance has usually been marked; people marked later are asked on a later run.
        var ended = await db.Trainings.Where(t => (t.Status == TrainingStatus.Published || t.Status == TrainingStatus.Held) && t.Sessions.Any()
                && t.Sessions.Max(s => s.EndsAt) <= now.AddDays(-1) && t.Sessions.Max(s => s.EndsAt) > now.AddDays(-30)
                && t.Registrations.Any(r => r.SurveySentAt == null))
            .Select(t => t.Id).ToListAsync(cancellationToken);
        var surveyed = 0;
        foreach (var trainingId in ended)
        {
            surveyed += await surveys.SendAsync(trainingId, "Envoi automatique", cancellationToken);
        }
        return $"{sent} rappel(s) envoyé(s), {surveyed} questionnaire(s) de satisfaction";
    }
}
