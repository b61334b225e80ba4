namespace Aposart.Web.Features.Agenda;

/// <summary>The public agenda's addresses, written once for views, controllers and mails.</summary>
public static class AgendaLinks
{
    public const string Index = "/agenda";

    public const string MeetingTemplate = Index + "/reunions/{id:guid}";
    public static string Meeting(Guid id) => $"{Index}/reunions/{id}";

    public const string RegistrationTemplate = Index + "/inscriptions/{token}";
    public static string Registration(string token) => $"{Index}/inscriptions/{Uri.EscapeDataString(token)}";

    public const string CancelTemplate = RegistrationTemplate + "/annuler";
    public static string Cancel(string token) => $"{Registration(token)}/annuler";

    public const string CalendarTemplate = RegistrationTemplate + "/reunion.ics";
    public static string Calendar(string token) => $"{Registration(token)}/reunion.ics";

    /// <summary>The registrations of a public meeting, for whoever runs it.</summary>
    public const string ExportTemplate = "/gestion/reunions/{id:guid}/inscriptions.csv";
    public static string Export(Guid id) => $"/gestion/reunions/{id}/inscriptions.csv";
}
