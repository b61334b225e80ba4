namespace Aposart.Web.Domain;

/// <summary>A news article of the public site, written in Markdown by the coordination.</summary>
public class Article : IAuditable
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>The date shown and used for ordering; an article dated later stays hidden until that day.</summary>
    public DateOnly PublishedOn { get; set; }
    public byte[]? Image { get; set; }
    public string? ImageType { get; set; }
    public string? ImageAlt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>A heading of the members' documents (protocols, tools, meeting reports).</summary>
public class DocumentCategory
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A document for the adherents; each upload is a new version and the old ones stay.</summary>
public class MemberDocument
{
    public Guid Id { get; set; }
    public int CategoryId { get; set; }
    public DocumentCategory? Category { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

public class DocumentVersion
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedByName { get; set; } = "";
}
