namespace Aposart.Web.Features.Members;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class MembersLinks
{
    public const string List = "/gestion/membres";
    public const string Export = "/gestion/membres.csv";
    public const string ErasureLog = "/gestion/rgpd";
    public const string ErasureLogExport = "/gestion/rgpd.csv";
}
