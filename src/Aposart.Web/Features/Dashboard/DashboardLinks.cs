namespace Aposart.Web.Features.Dashboard;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DashboardLinks
{
    public const string Aci = "/gestion/aci";
    public const string Index = "/gestion/tableau-de-bord";
}
