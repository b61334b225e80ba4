namespace Aposart.Web.Domain;

/// <summary>Entities whose creation and last change are stamped by the save interceptor.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    Guid? CreatedById { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid? UpdatedById { get; set; }
}
