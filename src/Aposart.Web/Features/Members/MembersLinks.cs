namespace Aposart.Web.Features.Members;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class MembersLinks
{
    public const string List = "/gestion/membres";
    public const string Export = "/gestion/membres.csv";
    public const string ErasureLog = "/gestion/rgpd";
    public const string ErasureLogExport = "/gestion/rgpd.csv";

    public const string DetailsRoute = "/gestion/membres/{id:guid}";

    public static string Details(Guid id) => $"/gestion/membres/{id}";

    public const string EraseRoute = "/gestion/membres/{id:guid}/effacer";

    public static string Erase(Guid id) => $"/gestion/membres/{id}/effacer";

    public const string EditRoute = "/gestion/membres/{id:guid}/modifier";

    public static string Edit(Guid id) => $"/gestion/membres/{id}/modifier";
}
