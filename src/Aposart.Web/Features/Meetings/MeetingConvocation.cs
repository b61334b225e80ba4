using System.Security.Cryptography;
using System.Text;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// Convening a meeting, read top to bottom: who is convened (the adherents up to date of the meeting's year for an
/// assembly, the bureau in office for a bureau meeting), each one's convocation queued in the outbox with the agenda,
/// the calendar file and their door code, and the meeting marked convened — in one save, so that a convened meeting has
/// all its mails and a second click convenes nobody twice.
/// </summary>
public sealed class MeetingConvocation(AposartDbContext db, PortalMailer mailer, PortalSettings settings, TimeProvider clock)
{
    /// <summary>Days short of the notice the statutes ask for an assembly; 0 when the notice is kept or not required.</summary>
    public int DaysShort(Meeting meeting)
    {
        if (!meeting.Kind.IsAssembly())
        {
            return 0;
        }
        var notice = (settings.Get(SettingsSections.Statutes) ?? new StatutesRules()).AssemblyNoticeDays;
        var days = (DateOnly.FromDateTime(meeting.StartsAt.ToParis().Date).DayNumber - DateOnly.FromDateTime(clock.GetUtcNow().ToParis().Date).DayNumber);
        return Math.Max(0, notice - days);
    }

    /// <summary>Who would be convened now, as they stand.</summary>
    public async Task<List<MeetingInvitee>> AudienceAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.Kind.IsAssembly())
        {
            var year = meeting.StartsAt.ToParis().Year;
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.Year == year && (m.Status == MembershipStatus.UpToDate || m.Status == MembershipStatus.Exempt)
                    && m.Professional!.UserId != null && m.Professional.AnonymisedAt == null)
                .Select(m => new { UserId = m.Professional!.UserId!.Value, m.CollegeId, College = m.College!.Name })
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.UserId).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
            return [.. rows.DistinctBy(r => r.UserId).Where(r => people.ContainsKey(r.UserId))
                .Select(r => Invitee(meeting, r.UserId, $"{people[r.UserId].FirstName} {people[r.UserId].LastName}", people[r.UserId].Email, r.CollegeId, r.College))
                .OrderBy(i => i.Name, ParisTime.FrenchOrder)];
        }
        if (meeting.Kind == MeetingKind.Board)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().Date);
            var board = await db.BureauMandates.AsNoTracking()
                .Where(m => m.ClosedAt == null && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FirstName, u.LastName, u.Email })
                .ToListAsync(cancellationToken);
            return [.. board.DistinctBy(b => b.Id).Select(b => Invitee(meeting, b.Id, $"{b.FirstName} {b.LastName}", b.Email, null, null)).OrderBy(i => i.Name)];
        }
        if (meeting is { Kind: MeetingKind.WorkingGroup, WorkingGroupId: { } groupId })
        {
            var members = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId && m.Status == GroupMembershipStatus.Member)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FirstName, u.LastName, u.Email })
                .ToListAsync(cancellationToken);
            return [.. members.Select(b => Invitee(meeting, b.Id, $"{b.FirstName} {b.LastName}", b.Email, null, null)).OrderBy(i => i.Name, ParisTime.FrenchOrder)];
        }
        return [];
    }

    public async Task<string?> ConveneAsync(Guid meetingId, string byName, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Resolutions).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is not { Status: MeetingStatus.Draft })
        {
            return "Cette réunion a déjà été convoquée.";
        }
        if (meeting.StartsAt <= clock.GetUtcNow())
        {
            return "La date de la réunion est passée : changez-la avant de convoquer.";
        }
        if (meeting.Kind == MeetingKind.Public)
        {
            // Nobody is convened to a public meeting: it is published on the agenda, where anyone registers.
            meeting.Status = MeetingStatus.Convened;
            meeting.ConvenedAt = clock.GetUtcNow();
            meeting.ConvenedByName = byName;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var invitees = await AudienceAsync(meeting, cancellationToken);
        if (invitees.Count == 0)
        {
            return meeting.Kind.IsAssembly()
                ? $"Aucun adhérent à jour de cotisation pour {meeting.StartsAt.ToParis().Year} : personne à convoquer."
                : meeting.Kind == MeetingKind.WorkingGroup ? "Le groupe n'a encore aucun membre : personne à convoquer."
                : "Aucun membre du bureau en fonction : personne à convoquer.";
        }
        var ics = IcsFile(meeting);
        var paragraphs = Convocation(meeting);
        if (await MeetingPaper.OfAsync(db, meeting.Id, cancellationToken) is { Count: > 0 } papers)
        {
            paragraphs.Add("Documents de la réunion : " + string.Join(" ; ", papers.Select(p => $"« {p.Title} » {mailer.Link(p.Link)}")));
        }
        foreach (var invitee in invitees)
        {
            db.MeetingInvitees.Add(invitee);
            mailer.Queue(invitee.Email, invitee.Name, $"Convocation : {meeting.Title}", paragraphs,
                ("Répondre à la convocation", MeetingLinks.Answer(meeting.Id)), [new MailAttachment("reunion.ics", IcsCalendar.ContentType, ics)]);
        }
        meeting.Status = MeetingStatus.Convened;
        meeting.ConvenedAt = clock.GetUtcNow();
        meeting.ConvenedByName = byName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone convened (or changed) it at the same moment: theirs stands, these mails were not written.
            return "Cette réunion vient d'être convoquée ou modifiée par quelqu'un d'autre : rechargez la page.";
        }
        return null;
    }

    /// <summary>The meeting as an iCalendar file, attached to the convocation and the reminder and offered on the adherent's page.</summary>
    public byte[] IcsFile(Meeting meeting) => Encoding.UTF8.GetBytes(IcsCalendar.Write(meeting.Title,
        [new IcsEvent($"{meeting.Id}@aposart", meeting.Title, meeting.Location, meeting.Place ?? meeting.VideoLink,
            meeting.StartsAt, meeting.EndsAt, mailer.Link(MeetingLinks.Answer(meeting.Id)), meeting.Status == MeetingStatus.Cancelled)]));

    private static List<string> Convocation(Meeting meeting)
    {
        var paragraphs = new List<string>
        {
            $"Vous êtes convoqué·e à la réunion « {meeting.Title} » ({meeting.Kind.Label().ToLowerInvariant()}) le {meeting.StartsAt.ToParisString("dddd d MMMM yyyy 'à' HH:mm")}.",
        };
        if (meeting.Location is { Length: > 0 } where)
        {
            paragraphs.Add($"Lieu : {where}.");
        }
        paragraphs.Add("Ordre du jour :");
        paragraphs.AddRange(meeting.Agenda.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('#', ' ')));
        if (meeting.Resolutions.Count > 0)
        {
            paragraphs.Add("Résolutions soumises au vote : " + string.Join(" ; ", meeting.Resolutions.OrderBy(r => r.Number).Select(r => $"{r.Number}. {r.Title}")) + ".");
        }
        paragraphs.Add("Dites sur le portail si vous venez ; si vous ne pouvez pas venir, vous pouvez y donner votre pouvoir à un autre adhérent. Le jour de la réunion, votre code de présence est sur votre page de réponse.");
        return paragraphs;
    }

    private static MeetingInvitee Invitee(Meeting meeting, Guid userId, string name, string? email, int? collegeId, string? college) => new()
    {
        MeetingId = meeting.Id,
        UserId = userId,
        Name = name.Trim(),
        Email = email ?? "",
        CollegeId = collegeId,
        CollegeName = college,
        AttendanceCode = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12)),
    };
}
