namespace Aposart.Web.Features.Dashboard;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DashboardLinks
{
    public const string Aci = "/gestion/aci";
    public const string Index = "/gestion/tableau-de-bord";

    public const string ReportRoute = "/gestion/rapport/{year}.pdf";

    public static string Report(int year) => $"/gestion/rapport/{year}.pdf";

    public const string ExportRoute = "/gestion/tableau-de-bord/{key}.csv";

    public static string Export(string key) => $"/gestion/tableau-de-bord/{key}.csv";
}
