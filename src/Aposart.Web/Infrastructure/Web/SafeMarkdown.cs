using Markdig;
using Microsoft.AspNetCore.Html;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>Markdown to HTML with raw HTML switched off, so stored text can never carry markup of its own.</summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static IHtmlContent Render(string? markdown) => new HtmlString(Markdown.ToHtml(markdown ?? "", Pipeline));
}
