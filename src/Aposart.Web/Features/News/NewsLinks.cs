namespace Aposart.Web.Features.News;

/// <summary>The addresses of the news, written here once.</summary>
public static class NewsLinks
{
    public const string Index = "/actualites";
    public const string Manage = "/gestion/actualites";
    public const string New = "/gestion/actualites/nouvelle";
}
