namespace Aposart.Web.Infrastructure.Web;

/// <summary>Every list pages; this is the one pager they share.</summary>
public sealed record PagerModel(int Page, int PageCount, string BaseUrl, string? Query = null)
{
    public string UrlFor(int page) => $"{BaseUrl}?{(string.IsNullOrEmpty(Query) ? "" : Query + "&")}page={page}";
}
