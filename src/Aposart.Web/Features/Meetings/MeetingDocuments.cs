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
/// The attendance sheet of a meeting as PDF, with the CPTS header: every person convened, their collège, whose proxy they
/// hold or to whom they gave theirs, and a box to sign; the quorum at the moment it is printed.
/// </summary>
public sealed class MeetingDocuments(AposartDbContext db, PdfFonts fonts, IOptions<CptsOptions> cpts, PortalSettings settings)
{
    public async Task<byte[]?> AttendanceSheetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var invitees = meeting.Invitees.OrderBy(i => i.Name, ParisTime.FrenchOrder).ToList();
        var names = invitees.ToDictionary(i => i.Id, i => i.Name);
        var held = invitees.Where(i => i.Answer == MeetingAnswer.Proxy && i.ProxyHolderId is not null).ToLookup(i => i.ProxyHolderId!.Value, i => i.Name);
        var quorum = QuorumState.Of(invitees, settings.Get(SettingsSections.Statutes) ?? new StatutesRules());
        var title = "Feuille d'émargement";
        var pdf = new PdfDocumentBuilder($"{cpts.Value.ShortName} – {cpts.Value.Name}", $"{title} – {meeting.Title}", fonts)
            .Heading(title)
            .KeyValues([
                ("Réunion", $"{meeting.Title} ({meeting.Kind.Label().ToLowerInvariant()})"),
                ("Date", $"{meeting.StartsAt.ToParisString("dddd d MMMM yyyy")}, de {meeting.StartsAt.ToParisString("HH'h'mm")} à {meeting.EndsAt.ToParisString("HH'h'mm")}"),
                ("Lieu", meeting.Location),
                ("Convoqués", $"{invitees.Count}"),
            ])
            .Table(["Nom", "Collège", "Pouvoir", "Signature"], [2.6f, 2.2f, 2.6f, 2.6f],
                invitees.Select(i => (IReadOnlyList<string>)
                [
                    i.Name,
                    i.CollegeName ?? "",
                    i.Answer == MeetingAnswer.Proxy && i.ProxyHolderId is { } h ? $"donné à {names.GetValueOrDefault(h)}"
                        : held[i.Id].Any() ? $"détient : {string.Join(", ", held[i.Id])}" : "",
                    i.Present ? "présent·e (noté sur le portail)" : "",
                ]),
                minRowHeight: 30)
            .Paragraph($"Au moment de l'impression : {quorum.Overall.Present} présent(s), {quorum.Overall.Represented} représenté(s) sur {quorum.Overall.Convened} convoqué(s) ; "
                + $"quorum de {quorum.Percent} % : {quorum.Overall.Needed}, {(quorum.Reached ? "atteint" : "non atteint")}.");
        return pdf.ToPdf();
    }
}
