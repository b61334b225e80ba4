namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// A document uploaded for the members (protocols, a meeting's papers): read whole, at most 10 MB, its type judged by its
/// content and not by its name; the file name as a member will save it.
/// </summary>
public static class UploadedDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static async Task<(byte[]? Content, string? Type, string? Refusal)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, null, "Choisissez un fichier.");
        }
        if (file.Length > MaxBytes)
        {
            return (null, null, "Le fichier dépasse 10 Mo.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        return FileSignatures.DocumentType(content) is { } type
            ? (content, type, null)
            : (null, null, "Ce fichier n'est ni un PDF, ni un document Word (.docx), ni un classeur Excel (.xlsx), ni une image : son contenu ne correspond pas.");
    }

    /// <summary>No folders, no characters a file system refuses.</summary>
    public static string FileName(string name)
    {
        var cleaned = string.Concat(Path.GetFileName(name).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '?' or '*' or ':' or '"' ? '-' : c)).Trim();
        return cleaned.Length == 0 ? "document" : cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }
}
