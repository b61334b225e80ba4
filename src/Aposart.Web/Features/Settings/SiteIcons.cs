using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// The favicon, the touch icon and the web manifest's icons, drawn from the CPTS's logo when it is a PNG or a WebP,
/// and otherwise a neutral square in the theme's colour with the CPTS's initials (SkiaSharp cannot draw an SVG).
/// Drawn once per logo, colour and name, then kept in memory: a few kilobytes each.
/// </summary>
public sealed class SiteIcons(PortalSettings settings, IOptionsMonitor<CptsOptions> cpts, PdfFonts fonts)
{
    public static readonly int[] Sizes = [32, 180, 192, 512];
    public const string DefaultColour = "#0b4f6c";

    private readonly ConcurrentDictionary<(string Version, int Size), byte[]> drawn = new();

    /// <summary>Changes whenever what the icons are drawn from changes: part of their address, so browsers may keep them.</summary>
    public string Version
    {
        get
        {
            var identity = cpts.CurrentValue;
            var source = $"{identity.LogoVersion}|{identity.MainColour}|{identity.ShortName}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];
        }
    }

    public string ThemeColour => cpts.CurrentValue.MainColour is { Length: > 0 } colour ? colour : DefaultColour;

    public byte[] Png(int size)
    {
        if (!Sizes.Contains(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Not an icon size of the portal.");
        }
        return drawn.GetOrAdd((Version, size), key => Draw(key.Size));
    }

    private byte[] Draw(int size)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        if (!DrawLogo(canvas, size))
        {
            DrawInitials(canvas, size);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private bool DrawLogo(SKCanvas canvas, int size)
    {
        if (settings.Get(SettingsSections.Logo) is not { Base64.Length: > 0 } logo || logo.ContentType == "image/svg+xml")
        {
            return false;
        }
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(logo.Base64));
        if (bitmap is null)
        {
            return false;
        }
        // A white rounded tile behind the logo: home screens put icons on any background.
        using var tile = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawRoundRect(0, 0, size, size, size * 0.18f, size * 0.18f, tile);
        var margin = size * 0.1f;
        var scale = Math.Min((size - 2 * margin) / bitmap.Width, (size - 2 * margin) / bitmap.Height);
        var width = bitmap.Width * scale;
        var height = bitmap.Height * scale;
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, SKRect.Create((size - width) / 2, (size - height) / 2, width, height),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        return true;
    }

    private void DrawInitials(SKCanvas canvas, int size)
    {
        using var tile = new SKPaint { Color = SKColor.Parse(ThemeColour), IsAntialias = true };
        canvas.DrawRoundRect(0, 0, size, size, size * 0.18f, size * 0.18f, tile);
        var initials = Initials(cpts.CurrentValue.ShortName);
        using var font = new SKFont(fonts.Bold, size * (initials.Length > 2 ? 0.34f : 0.44f));
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        font.MeasureText(initials, out var bounds);
        canvas.DrawText(initials, (size - bounds.Width) / 2 - bounds.Left, (size - bounds.Height) / 2 - bounds.Top, font, ink);
    }

    /// <summary>"APOSART" gives "AP", "CPTS Sud Yvelines" gives "CSY"; no name yet gives a cross of health.</summary>
    public static string Initials(string shortName)
    {
        var words = shortName.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0])).ToArray();
        return words.Length switch
        {
            0 => "+",
            1 => words[0][..Math.Min(2, words[0].Length)].ToUpperInvariant(),
            _ => string.Concat(words.Take(3).Select(w => char.ToUpperInvariant(w[0]))),
        };
    }
}
