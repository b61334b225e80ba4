namespace Aposart.Web.Features.Adhesion;

/// <summary>The addresses of one's adhesion, receipts and certificates, written here once.</summary>
public static class AdhesionLinks
{
    public const string Index = "/espace/adhesion";

    public static string Receipt(Guid paymentId) => $"{Index}/recus/{paymentId}.pdf";

    public static string Certificate(Guid membershipId) => $"{Index}/attestations/{membershipId}.pdf";
}
