using System.Security.Cryptography;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

/// <summary>
/// Mails each attendee marked present a personal, single-use link to the satisfaction questionnaire. Each link is claimed
/// in the database before its mail leaves, so the coordinator's button and the daily job never send it twice.
/// </summary>
public sealed class TrainingSurveys(AposartDbContext db, PortalMailer mailer, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    public async Task<int> SendAsync(Guid trainingId, string byName, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training is null)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var waiting = await db.TrainingRegistrations.AsNoTracking().Include(r => r.Professional)
            .Where(r => r.TrainingId == trainingId && r.SurveySentAt == null
                && db.TrainingSessions.Any(s => s.TrainingId == trainingId && s.Attendance.Any(a => a.ProfessionalId == r.ProfessionalId && a.Present)))
            .ToListAsync(cancellationToken);
        var addresses = await db.MailAddressesAsync([.. waiting.Select(r => r.Professional!)], cancellationToken);
        var sent = 0;
        foreach (var registration in waiting)
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var p = registration.Professional!;
            Task<int> Claim(CancellationToken c) => db.TrainingRegistrations.Where(r => r.Id == registration.Id && r.SurveySentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.SurveyToken, token).SetProperty(r => r.SurveySentAt, now), c);
            if (!addresses.TryGetValue(p.Id, out var email))
            {
                await Claim(cancellationToken);
                continue;
            }
            // The link's token and the mail carrying it are committed together.
            if (!await mailer.ClaimThenQueueAsync(Claim, m => m.Queue(email, p.DisplayName, $"[{cpts.Value.ShortName}] Votre avis sur la formation « {training.Title} »",
                    ["Merci d'avoir participé à cette formation. Quatre notes et, si vous le souhaitez, un commentaire : deux minutes suffisent.",
                        "Vos réponses sont enregistrées sans votre nom ; ce lien ne sert qu'une fois."],
                    ("Donner mon avis", TrainingLinks.Answer(token))), cancellationToken))
            {
                continue;
            }
            sent++;
        }
        if (sent > 0)
        {
            var surveyItem = TrainingText.DefaultChecklist[^1];
            await db.TrainingChecklistItems.Where(c => c.TrainingId == trainingId && c.Label == surveyItem && c.DoneAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.DoneAt, now).SetProperty(c => c.DoneByName, byName), cancellationToken);
        }
        return sent;
    }
}
