namespace Aposart.Web.Features.Meetings;

/// <summary>The addresses of meetings, written here once for routes, views, controllers and mails: each route template beside the link that fills it.</summary>
public static class MeetingLinks
{
    public const string Admin = "/gestion/reunions";
    public const string Export = "/gestion/reunions.csv";
    public const string New = "/gestion/reunions/nouvelle";
    public const string Rules = "/gestion/reunions/regles";
    public const string Mine = "/espace/reunions";

    /// <summary>A working group's meeting, created by one of its leads (or the staff) with the group already chosen.</summary>
    public const string NewForGroupTemplate = New + "/groupe/{groupId:guid}";
    public static string NewForGroup(Guid groupId) => $"{New}/groupe/{groupId}";

    public const string ManageTemplate = Admin + "/{id:guid}";
    public static string Manage(Guid id) => $"{Admin}/{id}";

    public const string EditTemplate = ManageTemplate + "/modifier";
    public static string Edit(Guid id) => $"{Manage(id)}/modifier";

    public const string ConveneTemplate = ManageTemplate + "/convoquer";
    public static string Convene(Guid id) => $"{Manage(id)}/convoquer";

    public const string AddResolutionTemplate = ManageTemplate + "/resolutions";
    public static string AddResolution(Guid id) => $"{Manage(id)}/resolutions";

    public const string PresenceTemplate = ManageTemplate + "/presences";
    public static string Presence(Guid id) => $"{Manage(id)}/presences";

    public const string AttendanceCsvTemplate = ManageTemplate + "/presences.csv";
    public static string AttendanceCsv(Guid id) => $"{Manage(id)}/presences.csv";

    public const string ResultsCsvTemplate = ManageTemplate + "/resultats.csv";
    public static string ResultsCsv(Guid id) => $"{Manage(id)}/resultats.csv";

    public const string AttendanceSheetTemplate = ManageTemplate + "/emargement.pdf";
    public static string AttendanceSheet(Guid id) => $"{Manage(id)}/emargement.pdf";

    public const string OpenVoteTemplate = ManageTemplate + "/resolutions/{resolutionId:guid}/ouvrir";
    public static string OpenVote(Guid id, Guid resolutionId) => $"{Manage(id)}/resolutions/{resolutionId}/ouvrir";

    public const string CloseVoteTemplate = ManageTemplate + "/resolutions/{resolutionId:guid}/clore";
    public static string CloseVote(Guid id, Guid resolutionId) => $"{Manage(id)}/resolutions/{resolutionId}/clore";

    public const string ApplyFeesTemplate = ManageTemplate + "/resolutions/{resolutionId:guid}/appliquer";
    public static string ApplyFees(Guid id, Guid resolutionId) => $"{Manage(id)}/resolutions/{resolutionId}/appliquer";

    public const string AddCandidateTemplate = ManageTemplate + "/resolutions/{resolutionId:guid}/candidats";
    public static string AddCandidate(Guid id, Guid resolutionId) => $"{Manage(id)}/resolutions/{resolutionId}/candidats";

    public const string RemoveCandidateTemplate = AddCandidateTemplate + "/{candidateId:guid}/retirer";
    public static string RemoveCandidate(Guid id, Guid resolutionId, Guid candidateId) => $"{AddCandidate(id, resolutionId)}/{candidateId}/retirer";

    public const string ApplyElectionTemplate = ManageTemplate + "/resolutions/{resolutionId:guid}/installer";
    public static string ApplyElection(Guid id, Guid resolutionId) => $"{Manage(id)}/resolutions/{resolutionId}/installer";

    public const string MinutesTemplate = ManageTemplate + "/compte-rendu";
    public static string Minutes(Guid id) => $"{Manage(id)}/compte-rendu";

    public const string ApproveMinutesTemplate = MinutesTemplate + "/approuver";
    public static string ApproveMinutes(Guid id) => $"{Minutes(id)}/approuver";

    public const string PublishMinutesTemplate = MinutesTemplate + "/publication";
    public static string PublishMinutes(Guid id) => $"{Minutes(id)}/publication";

    public const string MinutesPdfTemplate = ManageTemplate + "/compte-rendu.pdf";
    public static string MinutesPdf(Guid id) => $"{Manage(id)}/compte-rendu.pdf";

    /// <summary>An assembly's approved minutes, public once the bureau chose to show them on « La CPTS ».</summary>
    public const string PublicMinutesTemplate = "/la-cpts/assemblees/{id:guid}/compte-rendu.pdf";
    public static string PublicMinutes(Guid id) => $"/la-cpts/assemblees/{id}/compte-rendu.pdf";

    public const string DocumentsTemplate = ManageTemplate + "/documents";
    public static string Documents(Guid id) => $"{Manage(id)}/documents";

    public const string AddTaskTemplate = ManageTemplate + "/actions";
    public static string AddTask(Guid id) => $"{Manage(id)}/actions";

    public const string TaskDoneTemplate = AddTaskTemplate + "/{taskId:guid}/faite";
    public static string TaskDone(Guid id, Guid taskId) => $"{AddTask(id)}/{taskId}/faite";

    public const string MyTasks = Mine + "#actions";
    public const string MyTaskDoneTemplate = Mine + "/actions/{taskId:guid}/faite";
    public static string MyTaskDone(Guid taskId) => $"{Mine}/actions/{taskId}/faite";

    /// <summary>The address the QR code of a convocation carries: opened by a bureau member's phone at the door, it offers to mark the person present.</summary>
    public const string ScanTemplate = Admin + "/presence/{code}";
    public static string Scan(string code) => $"{Admin}/presence/{Uri.EscapeDataString(code)}";

    public const string AnswerTemplate = Mine + "/{id:guid}";
    public static string Answer(Guid id) => $"{Mine}/{id}";

    public const string VoteTemplate = AnswerTemplate + "/resolutions/{resolutionId:guid}/vote";
    public static string Vote(Guid id, Guid resolutionId) => $"{Answer(id)}/resolutions/{resolutionId}/vote";

    public const string CalendarTemplate = AnswerTemplate + "/reunion.ics";
    public static string Calendar(Guid id) => $"{Answer(id)}/reunion.ics";
}
