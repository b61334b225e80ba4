using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// The day before a convened meeting, reminds whoever has not said they would not come (nor given their proxy). The meeting
/// is claimed and its reminders queued in one transaction, so that they leave once even with two instances running.
/// </summary>
public sealed class MeetingReminders(AposartDbContext db, PortalMailer mailer, MeetingConvocation convocation, TimeProvider clock) : IPeriodicJob
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    public string Name => "Rappels de réunion";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Meetings.AsNoTracking().Include(m => m.Invitees)
            .Where(m => m.Status == MeetingStatus.Convened && m.ReminderSentAt == null && m.StartsAt > now && m.StartsAt <= now + Ahead)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var meeting in due)
        {
            var recipients = meeting.Invitees.Where(i => i.Answer is MeetingAnswer.None or MeetingAnswer.Coming && i.Email.Length > 0).ToList();
            var ics = convocation.IcsFile(meeting);
            if (await mailer.ClaimThenQueueAsync(
                    c => db.Meetings.Where(m => m.Id == meeting.Id && m.ReminderSentAt == null).ExecuteUpdateAsync(set => set.SetProperty(m => m.ReminderSentAt, now), c),
                    m =>
                    {
                        foreach (var invitee in recipients)
                        {
                            m.Queue(invitee.Email, invitee.Name, $"Rappel : {meeting.Title}, {meeting.StartsAt.ToParisString("dddd d MMMM 'à' HH'h'mm")}",
                                [$"La réunion « {meeting.Title} » a lieu le {meeting.StartsAt.ToParisString("dddd d MMMM 'à' HH'h'mm")}"
                                    + (meeting.Location is { Length: > 0 } where ? $", {where}." : "."),
                                 invitee.Answer == MeetingAnswer.None
                                    ? "Vous n'avez pas encore répondu : dites si vous venez, ou donnez votre pouvoir, sur le portail."
                                    : "Votre code de présence est sur votre page de réponse : montrez-le à l'entrée."],
                                ("Ma convocation", MeetingLinks.Answer(meeting.Id)), [new MailAttachment("reunion.ics", IcsCalendar.ContentType, ics)]);
                        }
                    }, cancellationToken))
            {
                sent += recipients.Count;
            }
        }
        return $"{sent} rappel(s) de réunion envoyé(s)";
    }
}
