using System.Text.RegularExpressions;

namespace Aposart.Web.Infrastructure.Pdf;

/// <summary>
/// The Markdown the pilots and the bureau write, as the PDFs print it: headings as headings, bullets kept, emphasis and link
/// syntax dropped (a link prints its address after its text). Fiches and minutes share it.
/// </summary>
public static partial class PdfMarkdown
{
    public static string PlainText(string markdown)
    {
        var lines = markdown.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(line =>
        {
            var text = Heading().Replace(line, "");
            text = Bullet().Replace(text, "$1• ");
            text = Link().Replace(text, "$1 ($2)");
            return Emphasis().Replace(text, "");
        });
        return string.Join('\n', lines);
    }

    /// <summary>Writes the text: each heading line as a heading one level below <paramref name="topLevel"/>, the lines between as paragraphs.</summary>
    public static PdfDocumentBuilder Markdown(this PdfDocumentBuilder pdf, string markdown, int topLevel = 1)
    {
        var block = new List<string>();
        void Flush()
        {
            if (block.Any(l => l.Trim().Length > 0))
            {
                pdf.Paragraph(PlainText(string.Join('\n', block).Trim('\n')));
            }
            block.Clear();
        }
        foreach (var line in markdown.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            if (HeadingLevel().Match(line) is { Success: true } heading)
            {
                Flush();
                pdf.Heading(PlainText(line), Math.Min(3, topLevel + heading.Groups[1].Length - 1));
            }
            else if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                block.Add(line);
            }
        }
        Flush();
        return pdf;
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+")]
    private static partial Regex HeadingLevel();

    [GeneratedRegex(@"^(\s*)[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|`")]
    private static partial Regex Emphasis();
}
