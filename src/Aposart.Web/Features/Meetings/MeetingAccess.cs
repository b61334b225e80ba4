using System.Security.Claims;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>Who runs a meeting: the bureau and the coordination any meeting, a working group's leads the meetings of their group.</summary>
public sealed class MeetingManagerRequirement : IAuthorizationRequirement;

/// <summary>
/// Decides from the address: a meeting's id (<c>{id}</c>) leads to its group, a group's id (<c>{groupId}</c>) is the group;
/// an address with neither (the list, the statutes' rules) stays the staff's.
/// </summary>
public sealed class MeetingManagerHandler(AposartDbContext db) : AuthorizationHandler<MeetingManagerRequirement>
{
    public const string Policy = "MeetingManager";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MeetingManagerRequirement requirement)
    {
        if (context.User.IsStaff())
        {
            context.Succeed(requirement);
            return;
        }
        if (context.Resource is not HttpContext http || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }
        var values = http.Request.RouteValues;
        Guid? groupId = Guid.TryParse(values["groupId"]?.ToString(), out var group) ? group : null;
        if (groupId is null && Guid.TryParse(values["id"]?.ToString(), out var meetingId))
        {
            groupId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.WorkingGroupId).SingleOrDefaultAsync(http.RequestAborted);
        }
        if (groupId is { } g && await db.WorkingGroupMembers.LeadAsync(g, userId, http.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}
