namespace Aposart.Web.Domain;

public enum GroupMembershipStatus
{
    /// <summary>Asked to join; a lead (or the coordination) decides.</summary>
    Requested = 0,
    Member = 1,
}

/// <summary>
/// A working group of the CPTS: one per fiche action or per theme (a commission). Its members are convened to its
/// meetings; the hours of those present are what the compensation of professionals pays, on the group's fiche.
/// </summary>
public class WorkingGroup
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The fiche action the group works on; a theme group has none, and its hours are not compensated.</summary>
    public Guid? ActionSheetId { get; set; }
    public ActionSheet? ActionSheet { get; set; }
    /// <summary>Adherents can ask to join (a closed group is shown but takes no requests).</summary>
    public bool Open { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<WorkingGroupMember> Members { get; set; } = [];
}

/// <summary>A person in a group, or asking to be: a lead (animateur) accepts requests and runs the group's meetings.</summary>
public class WorkingGroupMember
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public WorkingGroup? Group { get; set; }
    public Guid UserId { get; set; }
    public GroupMembershipStatus Status { get; set; }
    public bool IsLead { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByName { get; set; }
}
