using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// The minutes of a meeting, read top to bottom: a draft the portal writes from the agenda, the attendance, the quorum,
/// the votes' results and the decisions; the text the secretary edits; the approval by the president (by a bureau member
/// while no president is in office; by a lead for a working group's), which fixes the text, prints it with the CPTS header and publishes the PDF among the
/// members' documents in the same transaction; and, for an assembly, its showing on the public « La CPTS » page.
/// </summary>
public sealed class MeetingMinutes(AposartDbContext db, MeetingTasks tasks, PdfFonts fonts, IOptions<CptsOptions> cpts, PortalSettings settings, TimeProvider clock)
{
    public const string DocumentCategory = "Comptes rendus de réunions";

    public static bool CanBeWritten(Meeting meeting, DateTimeOffset now) => meeting.Status is MeetingStatus.Convened or MeetingStatus.Held && meeting.StartsAt <= now;

    /// <summary>The draft: the meeting's facts, its agenda, who came, the quorum, each resolution with its result, the decisions.</summary>
    public async Task<string> DraftAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var invitees = meeting.Invitees.OrderBy(i => i.Name, ParisTime.FrenchOrder).ToList();
        var names = invitees.ToDictionary(i => i.Id, i => i.Name);
        var quorum = QuorumState.Of(invitees, settings.Get(SettingsSections.Statutes) ?? new StatutesRules());
        var fiches = await tasks.FicheTitlesAsync(meeting.Tasks, cancellationToken);
        var text = new StringBuilder();
        text.AppendLine($"# {meeting.Title}").AppendLine();
        text.AppendLine($"{meeting.Kind.Label()} du {meeting.StartsAt.ToParisString("dddd d MMMM yyyy")}, de {meeting.StartsAt.ToParisString("HH'h'mm")} à {meeting.EndsAt.ToParisString("HH'h'mm")}, {meeting.Location}.").AppendLine();
        text.AppendLine("## Présences").AppendLine();
        text.AppendLine($"- Présent·e·s ({quorum.Overall.Present}) : {Names(invitees.Where(i => i.Present))}");
        text.AppendLine($"- Représenté·e·s ({quorum.Overall.Represented}) : {Names(invitees.Where(i => !i.Present && i.Answer == MeetingAnswer.Proxy && i.ProxyHolderId is not null), i => $"{i.Name} (pouvoir à {names.GetValueOrDefault(i.ProxyHolderId!.Value)})")}");
        text.AppendLine($"- Excusé·e·s ou absent·e·s : {Names(invitees.Where(i => !i.Present && i.Answer != MeetingAnswer.Proxy))}");
        if (meeting.Kind.IsAssembly())
        {
            text.AppendLine().AppendLine($"Quorum : {quorum.Overall.Counted} présent(s) et représenté(s) sur {quorum.Overall.Convened} convoqué(s), pour {quorum.Overall.Needed} requis ({quorum.Percent} %) : "
                + (quorum.Reached ? "atteint, l'assemblée a pu délibérer." : "non atteint."));
        }
        text.AppendLine().AppendLine("## Ordre du jour").AppendLine().AppendLine(meeting.Agenda.Trim()).AppendLine();
        if (meeting.Resolutions.Count > 0)
        {
            text.AppendLine("## Résolutions").AppendLine();
            foreach (var r in meeting.Resolutions.OrderBy(r => r.Number))
            {
                text.AppendLine($"### Résolution n° {r.Number} : {r.Title}").AppendLine();
                if (r.Text is not null)
                {
                    text.AppendLine(r.Text.Trim()).AppendLine();
                }
                text.AppendLine(ResolutionResult.Summary(r)).AppendLine();
            }
        }
        text.AppendLine("## Échanges").AppendLine().AppendLine("(À compléter : ce qui a été dit, point par point.)").AppendLine();
        if (meeting.Tasks.Count > 0)
        {
            text.AppendLine("## Décisions et actions").AppendLine();
            foreach (var task in meeting.Tasks.OrderBy(t => t.DueOn ?? DateOnly.MaxValue))
            {
                text.AppendLine($"- {MeetingTaskText.Describe(task, task.ActionSheetId is { } f ? fiches.GetValueOrDefault(f) : null)}");
            }
            text.AppendLine();
        }
        return text.ToString().Trim() + "\n";
    }

    /// <returns>null when saved, else why not.</returns>
    public async Task<string?> SaveAsync(Guid meetingId, string text, uint version, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !CanBeWritten(meeting, clock.GetUtcNow()))
        {
            return "Le compte rendu s'écrit une fois la réunion commencée.";
        }
        if (meeting.MinutesApprovedAt is not null)
        {
            return "Le compte rendu est approuvé : il ne change plus.";
        }
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        meeting.Minutes = text.Trim() + "\n";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Quelqu'un d'autre vient d'enregistrer le compte rendu : votre texte est conservé ci-dessous, relisez la version enregistrée avant d'écraser la sienne.";
        }
        return null;
    }

    /// <summary>
    /// A working group's minutes are approved by one of its leads; the others by the president in office, or, while none is,
    /// by any bureau member (a group without lead likewise). Returns why this person may not, or null.
    /// </summary>
    public async Task<string?> ApproverRefusalAsync(Meeting meeting, Guid userId, bool isBoard, CancellationToken cancellationToken)
    {
        if (meeting.WorkingGroupId is { } group && await db.WorkingGroupMembers.AnyAsync(m => m.GroupId == group && m.IsLead, cancellationToken))
        {
            return await db.WorkingGroupMembers.LeadAsync(group, userId, cancellationToken) ? null : "Le compte rendu du groupe est approuvé par un de ses animateurs.";
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var presidents = meeting.WorkingGroupId is null
            ? await db.BureauMandates.AsNoTracking()
                .Where(m => m.ClosedAt == null && m.Title == BureauTitle.President && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.UserId).ToListAsync(cancellationToken)
            : [];
        return presidents.Count > 0
            ? presidents.Contains(userId) ? null : "Le compte rendu est approuvé par la présidence."
            : isBoard ? null : "Sans présidence en fonction, un membre du bureau approuve le compte rendu.";
    }

    /// <summary>
    /// Approves once (a conditional update), then prints the PDF and publishes it among the members' documents, in the same
    /// transaction: approved minutes always have their document.
    /// </summary>
    public async Task<string?> ApproveAsync(Guid meetingId, AppUser by, bool isBoard, CancellationToken cancellationToken)
    {
        if (await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken) is not { } written)
        {
            return "Cette réunion n'existe plus.";
        }
        if (await ApproverRefusalAsync(written, by.Id, isBoard, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.Meetings.Where(m => m.Id == meetingId && m.MinutesApprovedAt == null && m.Minutes != null && m.Minutes != "")
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.MinutesApprovedAt, now).SetProperty(m => m.MinutesApprovedByName, by.NameOrEmail), cancellationToken) == 0)
        {
            return "Ce compte rendu est déjà approuvé, ou n'a pas encore été écrit.";
        }
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        var pdf = Pdf(meeting);
        var category = await db.NamedAsync(DocumentCategory, cancellationToken);
        var document = new MemberDocument
        {
            Id = Guid.CreateVersion7(), Category = category, CreatedAt = now,
            Title = $"Compte rendu – {meeting.Title} ({meeting.StartsAt.ToParisString("dd/MM/yyyy")})",
            Versions =
            [
                new DocumentVersion
                {
                    Id = Guid.CreateVersion7(), Number = 1, FileName = FileName(meeting), ContentType = "application/pdf", Size = pdf.Length, Content = pdf,
                    UploadedAt = now, UploadedByName = by.NameOrEmail,
                },
            ],
        };
        db.MemberDocuments.Add(document);
        meeting.MinutesDocumentId = document.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Shows (or withdraws) an assembly's approved minutes on the public « La CPTS » page.</summary>
    public async Task<string?> SetPublicAsync(Guid meetingId, bool shown, CancellationToken cancellationToken) =>
        await db.Meetings.Where(m => m.Id == meetingId && m.MinutesApprovedAt != null
                && (m.Kind == MeetingKind.OrdinaryAssembly || m.Kind == MeetingKind.ExtraordinaryAssembly))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.MinutesPublicAt, shown ? clock.GetUtcNow() : null), cancellationToken) == 1
            ? null
            : "Seul le compte rendu approuvé d'une assemblée générale se publie sur la page publique.";

    public byte[] Pdf(Meeting meeting)
    {
        const string title = "Compte rendu";
        return new PdfDocumentBuilder($"{cpts.Value.ShortName} – {cpts.Value.Name}", $"{title} – {meeting.Title}", fonts)
            .Heading(title)
            .KeyValues([
                ("Réunion", $"{meeting.Title} ({meeting.Kind.Label().ToLowerInvariant()})"),
                ("Date", $"{meeting.StartsAt.ToParisString("dddd d MMMM yyyy")}, de {meeting.StartsAt.ToParisString("HH'h'mm")} à {meeting.EndsAt.ToParisString("HH'h'mm")}"),
                ("Lieu", meeting.Location),
                ("Approbation", meeting.MinutesApprovedAt is { } at ? $"approuvé le {at.ToParisString("d MMMM yyyy")} par {meeting.MinutesApprovedByName}" : "projet, non approuvé"),
            ])
            .Markdown(meeting.Minutes ?? "", topLevel: 2)
            .ToPdf();
    }

    public static string FileName(Meeting meeting) => $"compte-rendu-{meeting.StartsAt.ToParisString("yyyy-MM-dd")}.pdf";

    private static string Names(IEnumerable<MeetingInvitee> people, Func<MeetingInvitee, string>? describe = null) =>
        people.Select(describe ?? (i => i.Name)).ToList() is { Count: > 0 } list ? string.Join(", ", list) : "aucun";
}
