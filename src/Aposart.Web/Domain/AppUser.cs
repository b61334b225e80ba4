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
    /// <summary>Shown to the administrators, to spot accounts nobody uses any more.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();

    /// <summary>The name shown in histories, comments and mail greetings: the person's name, else their address.</summary>
    public string NameOrEmail => DisplayName.Length > 0 ? DisplayName : Email ?? "";
}
