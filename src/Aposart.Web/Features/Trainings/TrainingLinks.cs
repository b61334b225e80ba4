namespace Aposart.Web.Features.Trainings;

/// <summary>The addresses of the trainings' public pages, written here once for views, controllers and mails.</summary>
public static class TrainingLinks
{
    public const string Mine = "/espace/formations";
    public const string Suggest = "/espace/formations/sujets";
    public const string Feed = "/formations.ics";
    public const string List = "/gestion/formations";
    public const string Export = "/gestion/formations.csv";
    public const string Create = "/gestion/formations/nouvelle";

    public const string Calendar = "/formations";

    public const string DetailsRoute = "/formations/{id:guid}";

    public static string Details(Guid id) => $"/formations/{id}";

    public const string RegisterRoute = "/formations/{id:guid}/inscription";

    public static string Register(Guid id) => $"/formations/{id}/inscription";

    public const string VoteRoute = "/espace/formations/sujets/{id:guid}/vote";

    public static string Vote(Guid id) => $"/espace/formations/sujets/{id}/vote";

    public const string CertificateRoute = "/espace/formations/{id:guid}/attestation.pdf";

    public static string Certificate(Guid id) => $"/espace/formations/{id}/attestation.pdf";

    public const string AnswerRoute = "/formations/questionnaire/{token}";

    public static string Answer(string token) => $"/formations/questionnaire/{token}";

    public const string TrainingFeedRoute = "/formations/{id:guid}.ics";

    public static string TrainingFeed(Guid id) => $"/formations/{id}.ics";

    public const string CancelRoute = "/formations/{id:guid}/desinscription";

    public static string Cancel(Guid id) => $"/formations/{id}/desinscription";

    public const string ManageRoute = "/gestion/formations/{id:guid}";

    public static string Manage(Guid id) => $"/gestion/formations/{id}";

    public const string TrainingRunCertificateRoute = "/gestion/formations/{id:guid}/attestations/{professionalId:guid}.pdf";

    public static string TrainingRunCertificate(Guid id, Guid professionalId) => $"/gestion/formations/{id}/attestations/{professionalId}.pdf";

    public const string ExportRegistrationsRoute = "/gestion/formations/{id:guid}/inscrits.csv";

    public static string ExportRegistrations(Guid id) => $"/gestion/formations/{id}/inscrits.csv";

    public const string CancelRegistrationRoute = "/gestion/formations/{id:guid}/inscrits/{professionalId:guid}/annuler";

    public static string CancelRegistration(Guid id, Guid professionalId) => $"/gestion/formations/{id}/inscrits/{professionalId}/annuler";

    public const string MessageRoute = "/gestion/formations/{id:guid}/message";

    public static string Message(Guid id) => $"/gestion/formations/{id}/message";

    public const string EditRoute = "/gestion/formations/{id:guid}/modifier";

    public static string Edit(Guid id) => $"/gestion/formations/{id}/modifier";

    public const string AddChecklistItemRoute = "/gestion/formations/{id:guid}/organisation";

    public static string AddChecklistItem(Guid id) => $"/gestion/formations/{id}/organisation";

    public const string ToggleChecklistItemRoute = "/gestion/formations/{id:guid}/organisation/{itemId:guid}";

    public static string ToggleChecklistItem(Guid id, Guid itemId) => $"/gestion/formations/{id}/organisation/{itemId}";

    public const string SendSurveyRoute = "/gestion/formations/{id:guid}/questionnaire";

    public static string SendSurvey(Guid id) => $"/gestion/formations/{id}/questionnaire";

    public const string AttendanceSheetRoute = "/gestion/formations/{id:guid}/seances/{sessionId:guid}/emargement.pdf";

    public static string AttendanceSheet(Guid id, Guid sessionId) => $"/gestion/formations/{id}/seances/{sessionId}/emargement.pdf";

    public const string MarkAttendanceRoute = "/gestion/formations/{id:guid}/seances/{sessionId:guid}/presences";

    public static string MarkAttendance(Guid id, Guid sessionId) => $"/gestion/formations/{id}/seances/{sessionId}/presences";
}
