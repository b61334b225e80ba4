using Aposart.Web.Infrastructure.Maps;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Aposart.Web.Infrastructure.Pdf;

/// <summary>
/// The one layout helper every PDF of the portal uses: A4 pages with the CPTS's name in the header and
/// "Page X sur Y" in the footer, headings, wrapped paragraphs and tables that break across pages
/// (repeating their header row). Content is laid out first and drawn at the end, when the page count is known.
/// </summary>
public sealed class PdfDocumentBuilder
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;
    private const float Margin = 50f;
    private const float ContentTop = Margin + 30f;
    private const float ContentBottom = PageHeight - Margin - 20f;
    private const float ContentWidth = PageWidth - 2 * Margin;

    private readonly string header;
    private readonly string title;
    private readonly SKTypeface regular;
    private readonly SKTypeface bold;
    private readonly List<List<Action<SKCanvas>>> pages = [];
    private float y;

    public PdfDocumentBuilder(string header, string title, PdfFonts fonts)
    {
        this.header = header;
        this.title = title;
        regular = fonts.Regular;
        bold = fonts.Bold;
        NewPage();
    }

    public int PageCount => pages.Count;

    /// <summary>The page that content written now lands on, for tables of contents.</summary>
    public int CurrentPage => pages.Count;

    /// <summary>Starts a new page, unless the current one is still empty.</summary>
    public PdfDocumentBuilder PageBreak()
    {
        if (pages[^1].Count > 0)
        {
            NewPage();
        }
        return this;
    }

    /// <summary>Lines centred across the page, for covers.</summary>
    public PdfDocumentBuilder Centered(string text, float size, bool isBold = false)
    {
        var font = isBold ? bold : regular;
        foreach (var line in Wrap(text, font, size, ContentWidth))
        {
            EnsureRoom(LineHeight(size));
            var baseline = y + size;
            var x = Margin + (ContentWidth - Measure(line, font, size)) / 2;
            Draw(canvas => DrawText(canvas, line, x, baseline, font, size, SKColors.Black));
            y += LineHeight(size);
        }
        return this;
    }

    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        var size = level switch { 1 => 18f, 2 => 14f, _ => 12f };
        Space(level == 1 ? 6 : 10);
        // A heading never ends a page alone.
        EnsureRoom(size * 1.4f + 30f);
        WriteLines(text, bold, size, Margin, ContentWidth, SKColors.Black);
        Space(4);
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, float size = 10.5f, bool isBold = false)
    {
        foreach (var block in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            WriteLines(block, isBold ? bold : regular, size, Margin, ContentWidth, SKColors.Black);
        }
        Space(6);
        return this;
    }

    public PdfDocumentBuilder KeyValues(IEnumerable<(string Key, string Value)> rows)
    {
        foreach (var (key, value) in rows)
        {
            var lines = Wrap(value, regular, 10.5f, ContentWidth - 170f);
            var height = Math.Max(1, lines.Count) * LineHeight(10.5f);
            EnsureRoom(height);
            var top = y;
            Draw(canvas => DrawText(canvas, key, Margin, top + 10.5f, bold, 10.5f, SKColors.Black));
            WriteLinesAt(lines, regular, 10.5f, Margin + 170f, SKColors.Black);
            y = top + height + 2;
        }
        Space(6);
        return this;
    }

    /// <summary>
    /// A table with proportional column widths; long cells wrap and rows move whole to the next page.
    /// A minimum row height leaves room to write by hand, as in a signature column.
    /// </summary>
    public PdfDocumentBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<float> widths, IEnumerable<IReadOnlyList<string>> rows, float size = 9.5f,
        float minRowHeight = 0)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * ContentWidth).ToArray();
        DrawRow(headers, columns, size, isHeader: true);
        foreach (var row in rows)
        {
            var height = Math.Max(minRowHeight, RowHeight(row, columns, size, regular));
            if (y + height > ContentBottom)
            {
                NewPage();
                DrawRow(headers, columns, size, isHeader: true);
            }
            DrawRow(row, columns, size, isHeader: false, minRowHeight);
        }
        Space(8);
        return this;
    }

    /// <summary>
    /// A map of the territory across the page (at most <paramref name="maxHeight"/> points high), with its title above and
    /// its legend and credit below; nothing when the territory file has no outlines.
    /// </summary>
    /// <param name="drawing">The map.</param>
    /// <param name="maxHeight">The map's own height at most, legend apart.</param>
    public PdfDocumentBuilder Map(MapDrawing drawing, float maxHeight = 360f)
    {
        if (!drawing.Map.HasOutlines)
        {
            return this;
        }
        var scale = (float)Math.Min(ContentWidth / TerritoryMap.Width, maxHeight / drawing.Map.Height);
        var width = (float)TerritoryMap.Width * scale;
        var height = (float)drawing.Map.Height * scale;
        const float legendLine = 13f;
        // Title, map, legend and credit stay together on one page.
        EnsureRoom(LineHeight(10.5f) + height + 8 + drawing.Legend.Count * legendLine + 20);
        WriteLines(drawing.Title, bold, 10.5f, Margin, ContentWidth, SKColors.Black);
        var left = Margin + (ContentWidth - width) / 2;
        var top = y + 4;
        Draw(canvas => PdfMap.Paint(canvas, drawing, left, top, scale));
        y = top + height + 8;
        foreach (var item in drawing.Legend)
        {
            var lineTop = y;
            Draw(canvas => PdfMap.Swatch(canvas, item, new SKRect(Margin, lineTop + 1, Margin + 14, lineTop + 10)));
            Draw(canvas => DrawText(canvas, item.Text, Margin + 20, lineTop + 9, regular, 9f, SKColors.Black));
            y += legendLine;
        }
        WriteLines(MapDrawing.Credit, regular, 7.5f, Margin, ContentWidth, SKColors.Gray);
        Space(8);
        return this;
    }

    public PdfDocumentBuilder Space(float points)
    {
        y += points;
        return this;
    }

    public byte[] ToPdf()
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = title, Author = header, Creator = "Aposart", Producer = "Aposart" };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                DrawText(canvas, header, Margin, Margin, bold, 9f, new SKColor(0x0b, 0x4f, 0x6c));
                using (var line = new SKPaint { Color = new SKColor(0x0b, 0x4f, 0x6c), StrokeWidth = 0.8f })
                {
                    canvas.DrawLine(Margin, Margin + 8, PageWidth - Margin, Margin + 8, line);
                }
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }
                var footer = $"Page {i + 1} sur {pages.Count}";
                DrawText(canvas, footer, PageWidth - Margin - Measure(footer, regular, 8.5f), PageHeight - Margin + 10, regular, 8.5f, SKColors.Gray);
                DrawText(canvas, title, Margin, PageHeight - Margin + 10, regular, 8.5f, SKColors.Gray);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private void DrawRow(IReadOnlyList<string> cells, float[] columns, float size, bool isHeader, float minRowHeight = 0)
    {
        var font = isHeader ? bold : regular;
        var height = Math.Max(minRowHeight, RowHeight(cells, columns, size, font));
        EnsureRoom(height);
        var top = y;
        var x = Margin;
        if (isHeader)
        {
            Draw(canvas =>
            {
                using var fill = new SKPaint { Color = new SKColor(0xe8, 0xf0, 0xf4) };
                canvas.DrawRect(Margin, top, ContentWidth, height, fill);
            });
        }
        for (var c = 0; c < columns.Length; c++)
        {
            var lines = Wrap(c < cells.Count ? cells[c] : "", font, size, columns[c] - 8);
            var cellX = x + 4;
            for (var l = 0; l < lines.Count; l++)
            {
                var text = lines[l];
                var baseline = top + 4 + size + l * LineHeight(size);
                Draw(canvas => DrawText(canvas, text, cellX, baseline, font, size, SKColors.Black));
            }
            x += columns[c];
        }
        Draw(canvas =>
        {
            using var line = new SKPaint { Color = SKColors.LightGray, StrokeWidth = 0.5f };
            canvas.DrawLine(Margin, top + height, Margin + ContentWidth, top + height, line);
        });
        y = top + height;
    }

    private float RowHeight(IReadOnlyList<string> cells, float[] columns, float size, SKTypeface font)
    {
        var lines = 1;
        for (var c = 0; c < columns.Length; c++)
        {
            lines = Math.Max(lines, Wrap(c < cells.Count ? cells[c] : "", font, size, columns[c] - 8).Count);
        }
        return lines * LineHeight(size) + 8;
    }

    private void WriteLines(string text, SKTypeface font, float size, float x, float width, SKColor color)
    {
        var lines = Wrap(text, font, size, width);
        if (lines.Count == 0)
        {
            Space(LineHeight(size) / 2);
            return;
        }
        foreach (var line in lines)
        {
            EnsureRoom(LineHeight(size));
            var baseline = y + size;
            Draw(canvas => DrawText(canvas, line, x, baseline, font, size, color));
            y += LineHeight(size);
        }
    }

    private void WriteLinesAt(List<string> lines, SKTypeface font, float size, float x, SKColor color)
    {
        var top = y;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var baseline = top + size + i * LineHeight(size);
            Draw(canvas => DrawText(canvas, line, x, baseline, font, size, color));
        }
    }

    private static List<string> Wrap(string text, SKTypeface font, float size, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Measure(candidate, font, size) <= width || current.Length == 0)
            {
                current = candidate;
                // A single word wider than the column is cut, so nothing runs off the page.
                while (Measure(current, font, size) > width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && Measure(current[..cut], font, size) > width)
                    {
                        cut--;
                    }
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }
        if (current.Length > 0)
        {
            lines.Add(current);
        }
        return lines;
    }

    private static float Measure(string text, SKTypeface typeface, float size)
    {
        using var font = new SKFont(typeface, size);
        return font.MeasureText(text);
    }

    private static void DrawText(SKCanvas canvas, string text, float x, float baseline, SKTypeface typeface, float size, SKColor color)
    {
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        using var shaper = new SKShaper(typeface);
        canvas.DrawShapedText(shaper, text, x, baseline, SKTextAlign.Left, font, paint);
    }

    private static float LineHeight(float size) => size * 1.35f;

    private void EnsureRoom(float height)
    {
        if (y + height > ContentBottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        pages.Add([]);
        y = ContentTop;
    }

    private void Draw(Action<SKCanvas> action) => pages[^1].Add(action);
}

/// <summary>The fonts of every PDF, loaded once: DejaVu (Debian's fonts-dejavu-core) covers French accents and the euro sign.</summary>
public sealed class PdfFonts : IDisposable
{
    public PdfFonts(string directory)
    {
        Regular = Load(Path.Combine(directory, "DejaVuSans.ttf"));
        Bold = Load(Path.Combine(directory, "DejaVuSans-Bold.ttf"));
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    private static SKTypeface Load(string path) =>
        SKTypeface.FromFile(path) ?? throw new FileNotFoundException($"Font not found: {path} (install Debian's fonts-dejavu-core).", path);
}
