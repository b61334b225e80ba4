namespace Aposart.Web.Infrastructure.Web;

/// <summary>What a file is, read from its first bytes rather than from its name: a renamed executable stays an executable.</summary>
public static class FileSignatures
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type of an image the portal accepts (PNG, JPEG, WebP), or null.</summary>
    public static string? ImageType(ReadOnlySpan<byte> content) =>
        content.StartsWith(Png) ? "image/png"
        : content.StartsWith(Jpeg) ? "image/jpeg"
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);
}
