using System.Globalization;
using System.Text.RegularExpressions;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// The main colour carries white text (menu bar, buttons) and is used as text on white (links, titles): both need the
/// WCAG AA ratio of 4.5:1, which is one and the same test against white.
/// </summary>
public static partial class ThemeColour
{
    public const double MinimumContrast = 4.5;

    public static bool TryParse(string? value, out (int R, int G, int B) colour)
    {
        colour = default;
        if (value is null || !Hex().IsMatch(value))
        {
            return false;
        }
        colour = (Channel(value, 1), Channel(value, 3), Channel(value, 5));
        return true;
    }

    /// <summary>Contrast ratio between the colour and white, from 1 (white) to 21 (black).</summary>
    public static double ContrastWithWhite((int R, int G, int B) colour) => 1.05 / (Luminance(colour) + 0.05);

    /// <summary>A darker shade for hover and focus states, keeping the hue.</summary>
    public static string Darker((int R, int G, int B) colour) =>
        $"#{(int)(colour.R * 0.85):x2}{(int)(colour.G * 0.85):x2}{(int)(colour.B * 0.85):x2}";

    private static double Luminance((int R, int G, int B) c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(int channel)
    {
        var s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static int Channel(string value, int start) => int.Parse(value.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Hex();
}
