using Microsoft.AspNetCore.Identity;

namespace Aposart.Web.Domain;

public class AppUser : IdentityUser<Guid>, IAuditable
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}
