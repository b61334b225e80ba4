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

    /// <summary>
    /// The content type of a document the members' area accepts — PDF, Word (DOCX), Excel (XLSX) or an image — or null.
    /// DOCX and XLSX are zip archives: they are told apart by the parts inside, so any other zip is refused.
    /// </summary>
    public static string? DocumentType(byte[] content)
    {
        if (IsPdf(content))
        {
            return "application/pdf";
        }
        if (ImageType(content) is { } image)
        {
            return image;
        }
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            return !names.Contains("[Content_Types].xml") ? null
                : names.Contains("word/document.xml") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : names.Contains("xl/workbook.xml") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
