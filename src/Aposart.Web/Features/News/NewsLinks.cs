namespace Aposart.Web.Features.News;

/// <summary>The addresses of the news, written here once.</summary>
public static class NewsLinks
{
    public const string Index = "/actualites";
    public const string Manage = "/gestion/actualites";
    public const string New = "/gestion/actualites/nouvelle";

    public const string ArticleRoute = "/actualites/{id:guid}";

    public static string Article(Guid id) => $"/actualites/{id}";

    public const string ImageRoute = "/actualites/{id:guid}/image";

    public static string Image(Guid id) => $"/actualites/{id}/image";

    public const string EditRoute = "/gestion/actualites/{id:guid}/modifier";

    public static string Edit(Guid id) => $"/gestion/actualites/{id}/modifier";

    public const string DeleteRoute = "/gestion/actualites/{id:guid}/supprimer";

    public static string Delete(Guid id) => $"/gestion/actualites/{id}/supprimer";
}
