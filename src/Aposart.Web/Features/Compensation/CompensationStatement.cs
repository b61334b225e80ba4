using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Compensation;

/// <summary>A professional's yearly statement of validated compensation, as PDF.</summary>
public sealed class CompensationStatement(AposartDbContext db, PdfFonts fonts, IOptions<CptsOptions> cpts, IOptions<CompensationOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<byte[]> PdfAsync(Guid professionalId, int year, CancellationToken cancellationToken)
    {
        var person = await db.Professionals.AsNoTracking().Where(p => p.Id == professionalId)
            .Select(p => new { p.FirstName, p.LastName, p.Profession, p.Rpps }).SingleAsync(cancellationToken);
        var entries = await db.CompensationEntries.AsNoTracking()
            .Where(e => e.ProfessionalId == professionalId && e.Date.Year == year && e.Status == CompensationStatus.Validated)
            .OrderBy(e => e.Date).Select(e => new { e.Date, e.Kind, e.Quantity, e.Rate, e.Amount, e.Description, e.ActionSheet!.Number, e.ActionSheet.Title })
            .ToListAsync(cancellationToken);
        var c = cpts.Value;
        var pdf = new PdfDocumentBuilder($"{c.ShortName} – {c.Name}", $"Relevé d'indemnisation {year}", fonts);
        pdf.Heading($"Relevé d'indemnisation {year}");
        pdf.KeyValues(
        [
            ("Professionnel", $"{person.FirstName} {person.LastName}"),
            ("Profession", person.Profession.Label()),
            ("RPPS", person.Rpps ?? "—"),
            ("Année", year.ToString(CultureInfo.InvariantCulture)),
            ("Plafond annuel", options.Value.For(year).YearlyCapPerPerson.ToString("N2", French) + " €"),
        ]);
        if (entries.Count == 0)
        {
            pdf.Paragraph($"Aucune indemnisation validée en {year}.");
        }
        else
        {
            pdf.Table(["Date", "Fiche action", "Nature", "Quantité", "Taux", "Montant"], [1.3f, 4, 2.6f, 1, 1, 1.3f],
                entries.Select(e => (IReadOnlyList<string>)
                [
                    e.Date.ToString("dd/MM/yyyy", French), $"n° {e.Number} – {e.Title}" + (e.Description is null ? "" : $" ({e.Description})"), e.Kind.Label(),
                    e.Quantity.ToString("0.#", French), e.Rate.ToString("N0", French) + " €", e.Amount.ToString("N2", French) + " €",
                ]));
            pdf.Paragraph($"Total validé pour {year} : {entries.Sum(e => e.Amount).ToString("N2", French)} €", 11, isBold: true);
        }
        pdf.Paragraph("Le travail des membres du bureau n'est pas indemnisé. Seules les saisies validées par la coordination figurent sur ce relevé.", 8.5f);
        pdf.Paragraph($"Document édité le {clock.GetUtcNow().ToParis().ToString("d MMMM yyyy", French)}.", 8.5f);
        return pdf.ToPdf();
    }
}
