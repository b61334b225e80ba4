namespace Aposart.Web.Features.Memberships;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class MembershipsLinks
{
    public const string Queue = "/gestion/adhesions";
    public const string NewPayment = "/gestion/paiements/nouveau";

    public const string DetailsRoute = "/gestion/adhesions/{id:guid}";

    public static string Details(Guid id) => $"/gestion/adhesions/{id}";

    public const string RequestInformationRoute = "/gestion/adhesions/{id:guid}/complement";

    public static string RequestInformation(Guid id) => $"/gestion/adhesions/{id}/complement";

    public const string ExemptRoute = "/gestion/adhesions/{id:guid}/exonerer";

    public static string Exempt(Guid id) => $"/gestion/adhesions/{id}/exonerer";

    public const string RejectRoute = "/gestion/adhesions/{id:guid}/refuser";

    public static string Reject(Guid id) => $"/gestion/adhesions/{id}/refuser";

    public const string TerminateRoute = "/gestion/adhesions/{id:guid}/resilier";

    public static string Terminate(Guid id) => $"/gestion/adhesions/{id}/resilier";

    public const string ApproveRoute = "/gestion/adhesions/{id:guid}/valider";

    public static string Approve(Guid id) => $"/gestion/adhesions/{id}/valider";

    public const string PaymentRoute = "/gestion/paiements/{id:guid}";

    public static string Payment(Guid id) => $"/gestion/paiements/{id}";

    public const string PaymentReceiptRoute = "/gestion/paiements/{id:guid}/recu.pdf";

    public static string PaymentReceipt(Guid id) => $"/gestion/paiements/{id}/recu.pdf";
}
