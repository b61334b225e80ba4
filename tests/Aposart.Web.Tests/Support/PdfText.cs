using UglyToad.PdfPig;

namespace Aposart.Web.Tests.Support;

/// <summary>The words of a PDF read back with PdfPig, page by page.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // HarfBuzz draws "fi" as its ligature glyph; readers and search fold it back, as NFKC does here.
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC))];
    }

    /// <summary>How many filled vector shapes each page draws (a map's communes are some), read back with PdfPig.</summary>
    public static IReadOnlyList<int> FilledShapes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Paths.Count(path => path.IsFilled))];
    }

    public static string All(byte[] pdf) => string.Join("\n", Pages(pdf));

    /// <summary>Text without any white space, to find phrases that the layout wrapped over several lines.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
