namespace Aposart.Web.Features.Adhesion;

/// <summary>The addresses of one's adhesion, receipts and certificates, written here once.</summary>
public static class AdhesionLinks
{
    public const string Index = "/espace/adhesion";

    /// <summary>Relative to <see cref="Index"/>, the controller's route prefix.</summary>
    public const string ReceiptRoute = "recus/{paymentId:guid}.pdf";
    public const string CertificateRoute = "attestations/{membershipId:guid}.pdf";

    public static string Receipt(Guid paymentId) => $"{Index}/recus/{paymentId}.pdf";

    public static string Certificate(Guid membershipId) => $"{Index}/attestations/{membershipId}.pdf";
}
