namespace Aposart.Web.Features.Site;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class SiteLinks
{
    public const string Accessibility = "/accessibilite";
    public const string Privacy = "/confidentialite";
    public const string Contact = "/contact";
    public const string Messages = "/gestion/contact";
    public const string Legal = "/mentions-legales";

    public const string HandledRoute = "/gestion/contact/{id:guid}/traite";

    public static string Handled(Guid id) => $"/gestion/contact/{id}/traite";
}
