using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.WorkingGroups;

public sealed record GroupCard(Guid Id, string Name, string? Description, string? Fiche, bool Open, int Members, GroupMembershipStatus? Mine, bool Lead);

public sealed record GroupMeetingRow(Guid Id, string Title, DateTimeOffset StartsAt, MeetingStatus Status, bool MinutesApproved);

/// <summary>A document of the group: a paper of one of its meetings, or the approved minutes of one; its latest version.</summary>
public sealed record GroupDocument(Guid DocumentId, Guid VersionId, string Title, string FileName);

public sealed record GroupPage(WorkingGroup Group, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<GroupMeetingRow> Meetings, GroupMembershipStatus? Mine,
    bool CanDecide, IReadOnlyList<GroupDocument> Documents);

/// <summary>The adherents' side of working groups: every group, asking to join or leaving, the group's page; leads answer requests.</summary>
[Authorize(Roles = Roles.Members)]
public sealed class WorkingGroupsController(AposartDbContext db, UserManager<AppUser> users, WorkingGroupMembership membership) : Controller
{
    [HttpGet(WorkingGroupsLinks.Mine)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = Me();
        var cards = await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new GroupCard(g.Id, g.Name, g.Description, g.ActionSheet == null ? null : "Fiche " + g.ActionSheet.Number + " – " + g.ActionSheet.Title, g.Open,
                g.Members.Count(m => m.Status == GroupMembershipStatus.Member),
                g.Members.Where(m => m.UserId == me).Select(m => (GroupMembershipStatus?)m.Status).FirstOrDefault(),
                g.Members.Any(m => m.UserId == me && m.IsLead)))
            .Take(200).ToListAsync(cancellationToken);
        return View(cards);
    }

    [HttpGet(WorkingGroupsLinks.GroupTemplate)]
    public async Task<IActionResult> Group(Guid id, CancellationToken cancellationToken)
    {
        var group = await db.WorkingGroups.AsNoTracking().Include(g => g.ActionSheet).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }
        var me = Me();
        var canDecide = User.IsStaff() || await membership.LeadsAsync(id, me, cancellationToken);
        var members = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.GroupId == id && (m.Status == GroupMembershipStatus.Member || canDecide))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.m.Status).ThenByDescending(x => x.m.IsLead).ThenBy(x => x.u.LastName).ThenBy(x => x.u.FirstName)
            .Select(x => new GroupMemberRow(x.m.Id, (x.u.FirstName + " " + x.u.LastName).Trim(), null, x.m.Status, x.m.IsLead, x.m.RequestedAt))
            .ToListAsync(cancellationToken);
        // Those who run the group see its meetings in preparation too.
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.WorkingGroupId == id && (m.Status != MeetingStatus.Draft || canDecide)).OrderByDescending(m => m.StartsAt)
            .Select(m => new GroupMeetingRow(m.Id, m.Title, m.StartsAt, m.Status, m.MinutesApprovedAt != null)).Take(50).ToListAsync(cancellationToken);
        var mine = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.GroupId == id && m.UserId == me).Select(m => (GroupMembershipStatus?)m.Status)
            .FirstOrDefaultAsync(cancellationToken);
        var meetingIds = db.Meetings.Where(m => m.WorkingGroupId == id);
        var documents = await db.MemberDocuments.AsNoTracking()
            .Where(d => db.MeetingDocuments.Any(p => p.DocumentId == d.Id && meetingIds.Any(m => m.Id == p.MeetingId)) || meetingIds.Any(m => m.MinutesDocumentId == d.Id))
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => d.Versions.OrderByDescending(v => v.Number).Select(v => new GroupDocument(d.Id, v.Id, d.Title, v.FileName)).First())
            .Take(100).ToListAsync(cancellationToken);
        return View(new GroupPage(group, members, meetings, mine, canDecide, documents));
    }

    [HttpPost(WorkingGroupsLinks.JoinTemplate)]
    public async Task<IActionResult> Join(Guid id, CancellationToken cancellationToken)
    {
        var error = await membership.RequestAsync(id, (await users.GetUserAsync(User))!, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Votre demande est envoyée aux animateurs du groupe.";
        return Redirect(WorkingGroupsLinks.Group(id));
    }

    [HttpPost(WorkingGroupsLinks.LeaveTemplate)]
    public async Task<IActionResult> Leave(Guid id, CancellationToken cancellationToken)
    {
        var left = await membership.LeaveAsync(id, Me(), cancellationToken);
        TempData[left ? "Message" : "Error"] = left ? "Vous avez quitté le groupe." : "Vous ne faisiez pas partie de ce groupe.";
        return Redirect(WorkingGroupsLinks.Group(id));
    }

    /// <summary>A lead of this group, or the coordination and the bureau, answer a request.</summary>
    [HttpPost(WorkingGroupsLinks.DecideTemplate)]
    public async Task<IActionResult> Decide(Guid id, Guid memberId, bool accept, CancellationToken cancellationToken)
    {
        if (!User.IsStaff() && !await membership.LeadsAsync(id, Me(), cancellationToken))
        {
            return Forbid();
        }
        var error = await membership.DecideAsync(id, memberId, accept, (await users.GetUserAsync(User))!, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? (accept ? "Demande acceptée." : "Demande refusée.");
        return Redirect(WorkingGroupsLinks.Group(id) + "#membres");
    }

    private Guid Me() => Guid.Parse(users.GetUserId(User)!);
}
