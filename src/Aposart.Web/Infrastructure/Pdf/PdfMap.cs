using Aposart.Web.Infrastructure.Maps;
using SkiaSharp;

namespace Aposart.Web.Infrastructure.Pdf;

/// <summary>
/// Paints a <see cref="MapDrawing"/> on a PDF page as vector paths, from the same projected outlines as the pages' SVG:
/// the PDF map prints sharp at any size and its communes are the pages' communes.
/// </summary>
public static class PdfMap
{
    public static void Paint(SKCanvas canvas, MapDrawing drawing, float left, float top, float scale)
    {
        using var outline = new SKPaint { Color = SKColor.Parse(MapColours.Outline), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        foreach (var area in drawing.Areas)
        {
            if (drawing.Map.Find(area.InseeCode) is not { } commune)
            {
                continue;
            }
            using var path = Path(commune, left, top, scale);
            if (area.Hatched)
            {
                Hatch(canvas, path);
            }
            else
            {
                using var fill = new SKPaint { Color = SKColor.Parse(area.Fill), Style = SKPaintStyle.Fill, IsAntialias = true };
                canvas.DrawPath(path, fill);
            }
            canvas.DrawPath(path, outline);
        }
        foreach (var marker in drawing.Markers)
        {
            Marker(canvas, marker.Shape, left + (float)marker.Point.X * scale, top + (float)marker.Point.Y * scale, 6f);
        }
    }

    /// <summary>A legend swatch: filled, or hatched as the map's "none".</summary>
    public static void Swatch(SKCanvas canvas, MapLegendItem item, SKRect rect)
    {
        if (item.Marker is { } shape)
        {
            Marker(canvas, shape, rect.MidX, rect.MidY, rect.Height / 2);
            return;
        }
        using var path = new SKPath();
        path.AddRect(rect);
        if (item.Hatched)
        {
            Hatch(canvas, path);
        }
        else
        {
            using var fill = new SKPaint { Color = SKColor.Parse(item.Fill), Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, fill);
        }
        using var outline = new SKPaint { Color = SKColor.Parse(MapColours.Outline), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
        canvas.DrawPath(path, outline);
    }

    private static SKPath Path(MapCommune commune, float left, float top, float scale)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        foreach (var ring in commune.Polygons.SelectMany(p => p).Where(r => r.Length > 2))
        {
            path.AddPoly([.. ring.Select(p => new SKPoint(left + (float)p.X * scale, top + (float)p.Y * scale))], close: true);
        }
        return path;
    }

    /// <summary>White under diagonal grey lines, clipped to the shape: the same "none" as the pages' pattern.</summary>
    private static void Hatch(SKCanvas canvas, SKPath path)
    {
        using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, white);
        using var line = new SKPaint { Color = SKColor.Parse(MapColours.Hatch), Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, IsAntialias = true };
        var bounds = path.Bounds;
        canvas.Save();
        canvas.ClipPath(path, antialias: true);
        for (var x = bounds.Left - bounds.Height; x < bounds.Right; x += 3.5f)
        {
            canvas.DrawLine(x, bounds.Bottom, x + bounds.Height, bounds.Top, line);
        }
        canvas.Restore();
    }

    private static void Marker(SKCanvas canvas, MarkerShape shape, float x, float y, float size)
    {
        using var fill = new SKPaint { Color = SKColor.Parse(MapColours.Marker), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var ring = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        using var path = new SKPath();
        if (shape == MarkerShape.Star)
        {
            path.AddPoly([.. SvgMap.StarPoints(x, y, size).Select(p => new SKPoint((float)p.X, (float)p.Y))], close: true);
        }
        else
        {
            path.AddCircle(x, y, size * 0.8f);
        }
        canvas.DrawPath(path, fill);
        canvas.DrawPath(path, ring);
    }
}
