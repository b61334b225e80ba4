namespace Aposart.Web.Infrastructure.Web;

public static class SearchPattern
{
    /// <summary>"%text%" for ILIKE, with the user's own % _ and \ taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
