namespace Aposart.Web.Features.Import;

/// <summary>The addresses of the spreadsheet import, written here once for controllers, views and mails.</summary>
public static class ImportLinks
{
    public const string Index = "/gestion/import";
    public const string MappingRoute = "/gestion/import/{id:int}/colonnes";
    public const string PreviewRoute = "/gestion/import/{id:int}/apercu";
    public const string CommitRoute = "/gestion/import/{id:int}/importer";
    public const string AbandonRoute = "/gestion/import/{id:int}/abandonner";
    public const string ReportRoute = "/gestion/import/{id:int}";
    public const string ReportCsvRoute = "/gestion/import/{id:int}/rapport.csv";
    public const string InvitationsRoute = "/gestion/import/{id:int}/invitations";
    public const string ProgressRoute = "/gestion/import/{id:int}/invitations/etat";

    public static string Mapping(int id) => $"/gestion/import/{id}/colonnes";
    public static string Preview(int id, bool problemsOnly = false, int page = 1) =>
        $"/gestion/import/{id}/apercu" + (problemsOnly || page > 1 ? $"?{(problemsOnly ? "filtre=problemes&" : "")}page={page}" : "");
    public static string Commit(int id) => $"/gestion/import/{id}/importer";
    public static string Abandon(int id) => $"/gestion/import/{id}/abandonner";
    public static string Report(int id) => $"/gestion/import/{id}";
    public static string ReportCsv(int id) => $"/gestion/import/{id}/rapport.csv";
    public static string Invitations(int id) => $"/gestion/import/{id}/invitations";
    public static string Progress(int id) => $"/gestion/import/{id}/invitations/etat";
}
