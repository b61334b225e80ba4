using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Trainings;

/// <summary>The feuille d'émargement of a session and the attestation de présence of an attendee, as PDF.</summary>
public sealed class TrainingDocuments(AposartDbContext db, PdfFonts fonts, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    private string Header => $"{cpts.Value.ShortName} – {cpts.Value.Name}";

    public async Task<byte[]?> AttendanceSheetAsync(Guid trainingId, Guid sessionId, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).Include(t => t.Trainers).AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        var session = training?.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (training is null || session is null)
        {
            return null;
        }
        var registered = await db.TrainingRegistrations.AsNoTracking().Where(r => r.TrainingId == trainingId && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.Professional!).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(cancellationToken);
        var number = training.Sessions.OrderBy(s => s.StartsAt).ToList().IndexOf(session) + 1;
        var title = "Feuille d'émargement";
        var pdf = new PdfDocumentBuilder(Header, $"{title} – {training.Title}", fonts)
            .Heading(title)
            .KeyValues([
                ("Formation", training.Title),
                ("Séance", $"{number} sur {training.Sessions.Count}, le {session.StartsAt.ToParisString("dddd d MMMM yyyy")}, de {session.StartsAt.ToParisString("HH'h'mm")} à {session.EndsAt.ToParisString("HH'h'mm")}"),
                ("Lieu", session.Place.Length == 0 ? "—" : session.Place),
                ("Intervenants", training.Trainers.Count == 0 ? "—" : string.Join(", ", training.Trainers.OrderBy(t => t.SortOrder).Select(t => t.Name))),
            ])
            // Blank lines at the end for people who come without having registered.
            .Table(["Nom", "Prénom", "Profession", "Signature"], [2.4f, 2f, 2.4f, 3f],
                [.. registered.Select(p => (IReadOnlyList<string>)[p.LastName.ToUpperInvariant(), p.FirstName, p.Profession.Label(), ""]),
                    .. Enumerable.Range(0, 3).Select(_ => (IReadOnlyList<string>)["", "", "", ""])],
                minRowHeight: 30)
            .Paragraph($"{registered.Count} inscrit(s). Signature de l'intervenant :");
        return pdf.ToPdf();
    }

    /// <summary>Only for someone marked present at one session at least.</summary>
    public async Task<byte[]?> CertificateAsync(Guid trainingId, Guid professionalId, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).ThenInclude(s => s.Attendance).Include(t => t.Trainers).AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        var attended = training?.Sessions.Where(s => s.Attendance.Any(a => a.ProfessionalId == professionalId && a.Present)).OrderBy(s => s.StartsAt).ToList();
        var professional = await db.Professionals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == professionalId, cancellationToken);
        if (training is null || attended is not { Count: > 0 } || professional is null)
        {
            return null;
        }
        var c = cpts.Value;
        var hours = attended.Sum(s => (s.EndsAt - s.StartsAt).TotalHours);
        var title = "Attestation de présence";
        var pdf = new PdfDocumentBuilder(Header, $"{title} – {professional.DisplayName}", fonts)
            .Heading(title)
            .Paragraph($"L'association {c.ShortName}, communauté professionnelle territoriale de santé {c.Name}, atteste que :")
            .KeyValues([
                ("Nom", professional.DisplayName),
                ("Profession", professional.Profession.Label() + (professional.Specialty is null ? "" : $" – {professional.Specialty}")),
                ("Formation", training.Title),
                ("Intervenants", training.Trainers.Count == 0 ? "—" : string.Join(", ", training.Trainers.OrderBy(t => t.SortOrder).Select(t => t.Name))),
                ("Durée suivie", $"{hours.ToString("0.#", ParisTime.French)} heure(s)"),
            ])
            .Paragraph("a assisté aux séances suivantes :")
            .Table(["Date", "Horaires", "Lieu"], [2.5f, 2f, 4f], attended.Select(s => (IReadOnlyList<string>)
                [s.StartsAt.ToParisString("dddd d MMMM yyyy"), $"{s.StartsAt.ToParisString("HH'h'mm")} – {s.EndsAt.ToParisString("HH'h'mm")}", s.Place]))
            .Paragraph($"Attestation établie le {clock.GetUtcNow().ToParisString("d MMMM yyyy")}, pour servir et valoir ce que de droit.");
        return pdf.ToPdf();
    }
}
