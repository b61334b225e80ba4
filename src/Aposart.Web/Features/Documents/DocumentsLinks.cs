namespace Aposart.Web.Features.Documents;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DocumentsLinks
{
    public const string Mine = "/espace/documents";
    public const string Manage = "/gestion/documents";
    public const string AddCategory = "/gestion/documents/categories";

    public const string DownloadRoute = "/espace/documents/{id:guid}/versions/{versionId:guid}";

    public static string Download(Guid id, Guid versionId) => $"/espace/documents/{id}/versions/{versionId}";

    public const string NewVersionRoute = "/gestion/documents/{id:guid}/versions";

    public static string NewVersion(Guid id) => $"/gestion/documents/{id}/versions";
}
