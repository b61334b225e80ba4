namespace Aposart.Web.Domain;

/// <summary>One change made to an account by an administrator (roles, lock, password reset, invitation): who, when, before, after.</summary>
public class AccountAudit
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>
/// An invitation to create an account: a single-use link of limited lifetime, mailed to the address; the roles chosen here
/// apply once the person has set a password. Only the hash of the link's secret is stored.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? InvitedById { get; set; }
    public string InvitedByName { get; set; } = "";
    public int SentCount { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>The directory record this invitation lets its holder claim (an imported professional); null for staff invitations.</summary>
    public Guid? ProfessionalId { get; set; }
    /// <summary>The spreadsheet import that sent it, so its page can show the sending's progress.</summary>
    public int? SpreadsheetImportId { get; set; }
    /// <summary>The mail that carries the latest link, for the progress of a batch of invitations.</summary>
    public long? OutboxMessageId { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && ExpiresAt > now;
}
