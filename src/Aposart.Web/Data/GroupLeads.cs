using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data;

/// <summary>Whether someone leads a working group: asked by the group's page and by the meetings the group holds.</summary>
public static class GroupLeads
{
    public static Task<bool> LeadAsync(this IQueryable<WorkingGroupMember> members, Guid groupId, Guid userId, CancellationToken cancellationToken) =>
        members.AnyAsync(m => m.GroupId == groupId && m.UserId == userId && m.IsLead && m.Status == GroupMembershipStatus.Member, cancellationToken);
}
