namespace Aposart.Web.Infrastructure.Web;

public static class TextInput
{
    /// <summary>What a form field holds once spaces around it are gone: null when nothing is left.</summary>
    public static string? TrimmedOrNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
