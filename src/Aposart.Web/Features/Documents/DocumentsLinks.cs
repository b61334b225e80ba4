namespace Aposart.Web.Features.Documents;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DocumentsLinks
{
    public const string Mine = "/espace/documents";
    public const string Manage = "/gestion/documents";
    public const string AddCategory = "/gestion/documents/categories";
}
