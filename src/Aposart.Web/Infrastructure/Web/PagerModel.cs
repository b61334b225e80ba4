namespace Aposart.Web.Infrastructure.Web;

/// <summary>Every list pages; this is the one pager they share.</summary>
public sealed record PagerModel(int Page, int PageCount, string BaseUrl, string? Query = null)
{
    public string UrlFor(int page) => $"{BaseUrl}?{(string.IsNullOrEmpty(Query) ? "" : Query + "&")}page={page}";
}

/// <summary>One page of a query's rows, with what the pager needs; an out-of-range page number lands on the nearest page.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageCount)
{
    public PagerModel Pager(string baseUrl, string? query = null) => new(Page, PageCount, baseUrl, query);
}

public static class Paging
{
    // The query must come ordered: paging an unordered query gives rows in no stable order.
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(ordered, cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            ordered.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new Paged<T>(rows, total, page, pageCount);
    }
}
