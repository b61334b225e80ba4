using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Adhesion;

/// <summary>The receipt of a payment and the membership certificate, as PDF.</summary>
public sealed class MembershipDocuments(PdfFonts fonts, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <param name="payment">With its allocations, their memberships and professionals loaded.</param>
    public byte[] Receipt(Payment payment)
    {
        var c = cpts.Value;
        var title = $"Reçu de cotisation n° {payment.ReceiptNumber}";
        var pdf = new PdfDocumentBuilder($"{c.ShortName} – {c.Name}", title, fonts)
            .Heading(title)
            .KeyValues([
                ("Association", $"{c.ShortName} – {c.Name}"),
                .. AssociationDetails(c),
                ("Reçu de", payment.PayerName ?? string.Join(", ", payment.Allocations.Select(a => a.Membership!.Professional!.DisplayName))),
                ("Montant", payment.Amount.ToString("C2", French)),
                ("Date du paiement", payment.PaidOn.ToString("d MMMM yyyy", French)),
                ("Mode de paiement", payment.Method.Label() + (string.IsNullOrEmpty(payment.Reference) ? "" : $" (réf. {payment.Reference})")),
            ])
            .Paragraph("Au titre de la cotisation des adhérents suivants :")
            .Table(["Adhérent", "Profession", "Année", "Montant"], [3, 3, 1, 1.4f],
                payment.Allocations.OrderBy(a => a.Membership!.Professional!.LastName).Select(a => (IReadOnlyList<string>)
                [
                    a.Membership!.Professional!.DisplayName,
                    a.Membership.Professional.Profession.Label(),
                    a.Membership.Year.ToString(CultureInfo.InvariantCulture),
                    a.Amount.ToString("C2", French),
                ]))
            .Paragraph($"Reçu établi le {Today()}, pour servir et valoir ce que de droit.");
        return pdf.ToPdf();
    }

    /// <summary>What identifies the association on a receipt, as far as it has set it.</summary>
    private static IEnumerable<(string, string)> AssociationDetails(Configuration.CptsOptions c)
    {
        if (c.PostalAddress.Length > 0)
        {
            yield return ("Siège", c.PostalAddress);
        }
        if (c.Siret.Length > 0)
        {
            yield return ("SIRET", c.Siret);
        }
        if (c.Rna.Length > 0)
        {
            yield return ("RNA", c.Rna);
        }
    }

    /// <param name="membership">With its professional, sites and college loaded.</param>
    public byte[] Certificate(Membership membership)
    {
        var c = cpts.Value;
        var professional = membership.Professional!;
        var title = $"Attestation d'adhésion n° {membership.CertificateNumber}";
        var site = professional.PracticeSites.OrderBy(s => s.SortOrder).FirstOrDefault();
        var pdf = new PdfDocumentBuilder($"{c.ShortName} – {c.Name}", title, fonts)
            .Heading(title)
            .Paragraph($"L'association {c.ShortName}, communauté professionnelle territoriale de santé {c.Name}, atteste que :")
            .KeyValues([
                ("Nom", professional.DisplayName),
                ("Profession", professional.Profession.Label() + (professional.Specialty is null ? "" : $" – {professional.Specialty}")),
                ("Lieu d'exercice", site is null ? "—" : $"{site.AddressLine}, {site.Postcode} {site.City}"),
                ("Collège", membership.College?.Name ?? "—"),
                ("Membre depuis", professional.MemberSince?.ToString("d MMMM yyyy", French) ?? "—"),
            ])
            .Paragraph($"est membre de l'association pour l'année {membership.Year}, au titre de laquelle sa cotisation est "
                       + (membership.Status == MembershipStatus.Exempt ? "exonérée." : "réglée."))
            .Paragraph($"Fait le {Today()}, pour servir et valoir ce que de droit.");
        return pdf.ToPdf();
    }

    private string Today() => clock.GetUtcNow().ToParis().ToString("d MMMM yyyy", French);
}
