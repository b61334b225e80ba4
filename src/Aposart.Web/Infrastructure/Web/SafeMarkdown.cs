using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Markdown to HTML for text that pilots, the bureau and the coordination write: raw HTML is switched off, and the rendered
/// HTML is sanitised too, because Markdown itself can carry a <c>javascript:</c> or <c>data:</c> link
/// (<c>[x](javascript:alert(1))</c>) that the Markdown parser renders faithfully. Only web, mail and telephone links remain.
/// Pages and mails share this one rendering.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }
        return sanitizer;
    }

    public static string Html(string? markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    public static IHtmlContent Render(string? markdown) => new HtmlString(Html(markdown));
}
