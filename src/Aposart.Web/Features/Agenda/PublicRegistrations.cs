using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Agenda;

public sealed record RegistrationOutcome(PublicRegistration? Registration, string? Error);

/// <summary>
/// Registering to a public meeting from the agenda, read top to bottom: the meeting's row is locked while its seats are
/// counted, so two people taking the last seat at once get one seat and one place on the waiting list; the confirmation
/// (with the calendar file) or the waiting-list notice leaves through the outbox in the same transaction. Cancelling gives
/// the seat to the first person waiting, who is told.
/// </summary>
public sealed class PublicRegistrations(AposartDbContext db, PortalMailer mailer, TimeProvider clock)
{
    public static bool Open(Meeting meeting, DateTimeOffset now) => meeting is { Kind: MeetingKind.Public, Status: MeetingStatus.Convened } && meeting.StartsAt > now;

    public async Task<RegistrationOutcome> RegisterAsync(Guid meetingId, string name, string email, Profession? profession, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meetings WHERE id = {meetingId} FOR UPDATE", cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !Open(meeting, clock.GetUtcNow()))
        {
            return new(null, "Les inscriptions à cette réunion sont closes.");
        }
        var address = email.Trim().ToLowerInvariant();
        if (await db.PublicRegistrations.AnyAsync(r => r.MeetingId == meetingId && r.Email == address && r.Status != PublicRegistrationStatus.Cancelled, cancellationToken))
        {
            return new(null, "Cette adresse est déjà inscrite : le courriel de confirmation contient le lien pour gérer l'inscription.");
        }
        var taken = await db.PublicRegistrations.CountAsync(r => r.MeetingId == meetingId && r.Status == PublicRegistrationStatus.Confirmed, cancellationToken);
        var registration = new PublicRegistration
        {
            Id = Guid.CreateVersion7(), MeetingId = meetingId, Name = name.Trim(), Email = address, Profession = profession, CreatedAt = clock.GetUtcNow(),
            Status = meeting.Capacity is { } capacity && taken >= capacity ? PublicRegistrationStatus.Waitlisted : PublicRegistrationStatus.Confirmed,
            Token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24)),
        };
        db.PublicRegistrations.Add(registration);
        Notify(meeting, registration);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(registration, null);
    }

    /// <summary>
    /// Cancels, once, before the meeting (afterwards the registration is what the indicators count); a confirmed seat given
    /// back goes to the first on the waiting list. Returns why not, or null.
    /// </summary>
    public async Task<string?> CancelAsync(string token, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var registration = await db.PublicRegistrations.SingleOrDefaultAsync(r => r.Token == token, cancellationToken);
        if (registration is null)
        {
            return "Cette inscription n'existe pas.";
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meetings WHERE id = {registration.MeetingId} FOR UPDATE", cancellationToken);
        await db.Entry(registration).ReloadAsync(cancellationToken);
        if (registration.Status == PublicRegistrationStatus.Cancelled)
        {
            return "Cette inscription est déjà annulée.";
        }
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == registration.MeetingId, cancellationToken);
        if (meeting.StartsAt <= clock.GetUtcNow())
        {
            return "La réunion a commencé : l'inscription ne s'annule plus.";
        }
        var gaveSeat = registration.Status == PublicRegistrationStatus.Confirmed;
        registration.Status = PublicRegistrationStatus.Cancelled;
        registration.CancelledAt = clock.GetUtcNow();
        if (gaveSeat
            && await db.PublicRegistrations.Where(r => r.MeetingId == meeting.Id && r.Status == PublicRegistrationStatus.Waitlisted)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } next)
        {
            next.Status = PublicRegistrationStatus.Confirmed;
            next.ConfirmedFromWaitlistAt = clock.GetUtcNow();
            Notify(meeting, next);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The meeting as an iCalendar file for a registrant (its link is the public page, not a member's).</summary>
    public byte[] Ics(Meeting meeting) => System.Text.Encoding.UTF8.GetBytes(IcsCalendar.Write(meeting.Title,
        [new IcsEvent($"{meeting.Id}@aposart", meeting.Title, meeting.Location, meeting.Place ?? meeting.VideoLink,
            meeting.StartsAt, meeting.EndsAt, mailer.Link(AgendaLinks.Meeting(meeting.Id)), meeting.Status == MeetingStatus.Cancelled)]));

    private void Notify(Meeting meeting, PublicRegistration registration)
    {
        var when = $"le {meeting.StartsAt.ToParisString("dddd d MMMM yyyy 'à' HH'h'mm")}, {meeting.Location}";
        if (registration.Status == PublicRegistrationStatus.Confirmed)
        {
            mailer.Queue(registration.Email, registration.Name, $"Inscription confirmée : {meeting.Title}",
                [$"Votre place est réservée pour « {meeting.Title} », {when}.", "Le fichier joint ajoute la réunion à votre agenda. Si vous ne pouvez plus venir, annulez : la place ira à une personne en attente."],
                ("Gérer mon inscription", AgendaLinks.Registration(registration.Token)),
                [new MailAttachment("reunion.ics", IcsCalendar.ContentType, Ics(meeting))]);
        }
        else
        {
            mailer.Queue(registration.Email, registration.Name, $"Liste d'attente : {meeting.Title}",
                [$"La réunion « {meeting.Title} », {when}, est complète : vous êtes sur la liste d'attente.", "Si une place se libère, elle vous est attribuée et vous recevez un courriel de confirmation."],
                ("Gérer mon inscription", AgendaLinks.Registration(registration.Token)));
        }
    }
}
