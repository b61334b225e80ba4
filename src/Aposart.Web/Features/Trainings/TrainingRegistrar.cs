using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

public sealed record RegistrationOutcome(bool Done, string Message);

/// <summary>
/// Seats and the waitlist. Every change takes the training's row lock first, so that counting the seats and taking one
/// happen for one person at a time: two people taking the last seat at once get one seat and one waitlist place.
/// </summary>
public sealed class TrainingRegistrar(AposartDbContext db, PortalMailer mailer, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    public async Task<RegistrationOutcome> RegisterAsync(Guid trainingId, Professional professional, bool isMember, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        TrainingRegistration registration;
        Training training;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockAsync(trainingId, cancellationToken) is not { } locked)
            {
                return new(false, "Cette formation n'existe pas.");
            }
            training = locked;
            var refusal = training.Status switch
            {
                TrainingStatus.Cancelled => "Cette formation est annulée : les inscriptions sont fermées.",
                TrainingStatus.Held => "Cette formation a eu lieu : les inscriptions sont fermées.",
                TrainingStatus.Draft => "Cette formation n'est pas encore ouverte aux inscriptions.",
                _ when training.RegistrationOpensAt > now => $"Les inscriptions ouvrent le {training.RegistrationOpensAt.Value.ToParisString()}.",
                _ when training.ClosesAt <= now => "Les inscriptions à cette formation sont closes.",
                _ when training.Audience == TrainingAudience.Members && !isMember => "Cette formation est réservée aux adhérents de la CPTS.",
                _ => null,
            };
            if (refusal is not null)
            {
                return new(false, refusal);
            }
            var existing = await db.TrainingRegistrations.SingleOrDefaultAsync(r => r.TrainingId == trainingId && r.ProfessionalId == professional.Id, cancellationToken);
            if (existing is { Status: not RegistrationStatus.Cancelled })
            {
                return new(false, existing.Status == RegistrationStatus.Confirmed
                    ? "Vous êtes déjà inscrit à cette formation."
                    : "Vous êtes déjà sur la liste d'attente de cette formation.");
            }
            var confirmed = await db.TrainingRegistrations.CountAsync(r => r.TrainingId == trainingId && r.Status == RegistrationStatus.Confirmed, cancellationToken);
            registration = existing ?? new TrainingRegistration { TrainingId = trainingId, ProfessionalId = professional.Id };
            registration.Status = confirmed < training.Capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
            registration.RegisteredAt = now;
            registration.CancelledAt = null;
            registration.PromotedAt = null;
            if (existing is null)
            {
                db.TrainingRegistrations.Add(registration);
            }
            await db.SaveChangesAsync(cancellationToken);
            // The mail is written in the same transaction as the seat: both or neither.
            RegistrationOutcome outcome;
            if (registration.Status == RegistrationStatus.Confirmed)
            {
                await MailConfirmedAsync(training, professional, "Inscription confirmée", "Votre inscription est confirmée.", cancellationToken);
                outcome = new(true, "Inscription confirmée. Un courriel vous a été envoyé avec l'événement à ajouter à votre agenda.");
            }
            else
            {
                var position = await WaitlistPositionAsync(registration, cancellationToken);
                await Mail(professional, $"Liste d'attente : {training.Title}",
                    [$"La formation « {training.Title} » est complète : vous êtes en position {position} sur la liste d'attente.",
                        "Si une place se libère, elle vous sera attribuée dans l'ordre d'inscription et vous recevrez un courriel."],
                    training, cancellationToken);
                outcome = new(true, $"La formation est complète : vous êtes sur la liste d'attente, en position {position}. Vous recevrez un courriel si une place se libère.");
            }
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
    }

    /// <summary>Cancels a registration; a freed seat goes to the first on the waitlist, who is told by mail.</summary>
    public async Task<RegistrationOutcome> CancelAsync(Guid trainingId, Guid professionalId, bool byCoordinator, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<TrainingRegistration> promoted;
        Training training;
        Professional? cancelled;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockAsync(trainingId, cancellationToken) is not { } locked)
            {
                return new(false, "Cette formation n'existe pas.");
            }
            training = locked;
            var registration = await db.TrainingRegistrations.Include(r => r.Professional)
                .SingleOrDefaultAsync(r => r.TrainingId == trainingId && r.ProfessionalId == professionalId, cancellationToken);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled)
            {
                return new(false, "Aucune inscription en cours à cette formation.");
            }
            if (!byCoordinator && training.ClosesAt <= now)
            {
                return new(false, "Les désinscriptions en ligne sont closes : prévenez la coordination.");
            }
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAt = now;
            cancelled = registration.Professional;
            await db.SaveChangesAsync(cancellationToken);
            promoted = await PromoteAsync(training, cancellationToken);
            if (cancelled is not null && !byCoordinator)
            {
                await Mail(cancelled, $"Désinscription : {training.Title}", [$"Votre désinscription de la formation « {training.Title} » est enregistrée."], training, cancellationToken);
            }
            await MailPromotedAsync(training, promoted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new(true, "Désinscription enregistrée.");
    }

    /// <summary>After the capacity of a training grew: its free seats go to the waitlist, in order.</summary>
    public async Task<int> FillFreedSeatsAsync(Guid trainingId, CancellationToken cancellationToken)
    {
        List<TrainingRegistration> promoted;
        Training training;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockAsync(trainingId, cancellationToken) is not { } locked)
            {
                return 0;
            }
            training = locked;
            promoted = await PromoteAsync(training, cancellationToken);
            await MailPromotedAsync(training, promoted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return promoted.Count;
    }

    public async Task<int> WaitlistPositionAsync(TrainingRegistration registration, CancellationToken cancellationToken) =>
        1 + await db.TrainingRegistrations.CountAsync(r => r.TrainingId == registration.TrainingId && r.Status == RegistrationStatus.Waitlisted
            && (r.RegisteredAt < registration.RegisteredAt || (r.RegisteredAt == registration.RegisteredAt && r.Id < registration.Id)), cancellationToken);

    public byte[] IcsFile(Training training) =>
        Encoding.UTF8.GetBytes(TrainingCalendar.Ics([training], training.Title, t => mailer.Link(TrainingLinks.Details(t.Id))));

    private async Task<Training?> LockAsync(Guid trainingId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM trainings WHERE id = {trainingId} FOR UPDATE", cancellationToken);
        return await db.Trainings.Include(t => t.Sessions).AsSplitQuery().SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
    }

    private async Task<List<TrainingRegistration>> PromoteAsync(Training training, CancellationToken cancellationToken)
    {
        var confirmed = await db.TrainingRegistrations.CountAsync(r => r.TrainingId == training.Id && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        var free = training.Capacity - confirmed;
        if (free <= 0 || training.Status is not TrainingStatus.Published)
        {
            return [];
        }
        var next = await db.TrainingRegistrations.Include(r => r.Professional)
            .Where(r => r.TrainingId == training.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(free).ToListAsync(cancellationToken);
        foreach (var registration in next)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.PromotedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return next;
    }

    private async Task MailPromotedAsync(Training training, List<TrainingRegistration> promoted, CancellationToken cancellationToken)
    {
        foreach (var registration in promoted)
        {
            await MailConfirmedAsync(training, registration.Professional!, "Une place s'est libérée",
                "Une place s'est libérée : vous passez de la liste d'attente aux inscrits.", cancellationToken);
        }
    }

    private Task MailConfirmedAsync(Training training, Professional professional, string subject, string opening, CancellationToken cancellationToken)
    {
        var lines = new List<string> { opening, $"Formation : {training.Title}" };
        lines.AddRange(training.Sessions.OrderBy(s => s.StartsAt).Select(s =>
            $"{s.StartsAt.ToParisString("dddd d MMMM yyyy 'de' HH'h'mm")} à {s.EndsAt.ToParisString("HH'h'mm")} – {s.Place}"));
        lines.Add("L'événement est joint à ce courriel pour votre agenda. En cas d'empêchement, désinscrivez-vous depuis la page de la formation pour libérer votre place.");
        return Send(professional, $"{subject} : {training.Title}", lines, training, [new MailAttachment("formation.ics", TrainingCalendar.ContentType, IcsFile(training))], cancellationToken);
    }

    private Task Mail(Professional professional, string subject, IReadOnlyList<string> lines, Training training, CancellationToken cancellationToken) =>
        Send(professional, subject, lines, training, [], cancellationToken);

    private async Task Send(Professional professional, string subject, IReadOnlyList<string> lines, Training training, IReadOnlyList<MailAttachment> attachments,
        CancellationToken cancellationToken)
    {
        var address = await db.MailAddressAsync(professional, cancellationToken);
        if (address is null)
        {
            return;
        }
        await mailer.SendAsync(address, professional.DisplayName, $"[{cpts.Value.ShortName}] {subject}", lines, ("Voir la formation", TrainingLinks.Details(training.Id)),
            attachments, cancellationToken);
    }
}
