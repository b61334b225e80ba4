namespace Aposart.Web.Features.Compensation;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class CompensationLinks
{
    public const string Mine = "/espace/indemnisation";
    public const string Declare = "/espace/indemnisation/saisie";
    public const string Manage = "/gestion/indemnisation";
    public const string Export = "/gestion/indemnisation.csv";
    public const string Record = "/gestion/indemnisation/saisie";

    public const string StatementRoute = "/espace/indemnisation/{year}.pdf";

    public static string Statement(int year) => $"/espace/indemnisation/{year}.pdf";

    public const string RejectRoute = "/gestion/indemnisation/{id:guid}/refuser";

    public static string Reject(Guid id) => $"/gestion/indemnisation/{id}/refuser";

    public const string ValidateRoute = "/gestion/indemnisation/{id:guid}/valider";

    public static string Validate(Guid id) => $"/gestion/indemnisation/{id}/valider";

    public const string ConfirmMeetingRoute = "/espace/indemnisation/reunions/{meetingId:guid}/confirmer";

    public static string ConfirmMeeting(Guid meetingId) => $"/espace/indemnisation/reunions/{meetingId}/confirmer";
}
