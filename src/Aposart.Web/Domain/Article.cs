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
