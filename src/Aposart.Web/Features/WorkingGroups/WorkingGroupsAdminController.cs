using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.WorkingGroups;

public sealed record GroupRow(Guid Id, string Name, string? Fiche, bool Open, int Members, int Leads, int Requests);

public sealed record GroupAdminList(IReadOnlyList<GroupRow> Rows, int Total, PagerModel Pager);

public sealed record GroupMemberRow(Guid Id, string Name, string? Email, GroupMembershipStatus Status, bool IsLead, DateTimeOffset RequestedAt);

public sealed record GroupEditPage(Guid? Id, WorkingGroupInput Input, IReadOnlyDictionary<Guid, string> Fiches, IReadOnlyList<GroupMemberRow> Members);

/// <summary>The coordination's and the bureau's working groups: created, tied to a fiche, opened to requests, their leads named.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class WorkingGroupsAdminController(AposartDbContext db, UserManager<AppUser> users, WorkingGroupMembership membership, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet(WorkingGroupsLinks.Admin)]
    public async Task<IActionResult> List(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Rows().PageAsync(page, PageSize, cancellationToken);
        return View(new GroupAdminList(paged.Rows, paged.Total, paged.Pager(WorkingGroupsLinks.Admin)));
    }

    [HttpGet(WorkingGroupsLinks.Export)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var members = await db.WorkingGroupMembers.AsNoTracking().OrderBy(m => m.Group!.Name)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Group = m.Group!.Name, Name = u.FirstName + " " + u.LastName, u.Email, m.Status, m.IsLead })
            .ToListAsync(cancellationToken);
        return CsvExport.File("groupes-de-travail.csv", ["Groupe", "Nom", "Adresse", "Rôle"],
            members.Select(m => (IReadOnlyList<string?>)[m.Group, m.Name.Trim(), m.Email, m.Status == GroupMembershipStatus.Requested ? "demande" : m.IsLead ? "animateur" : "membre"]));
    }

    [HttpGet(WorkingGroupsLinks.New)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("Edit", await PageAsync(null, new WorkingGroupInput(), cancellationToken));

    [HttpPost(WorkingGroupsLinks.New)]
    public async Task<IActionResult> New([Bind(Prefix = nameof(GroupEditPage.Input))] WorkingGroupInput input, CancellationToken cancellationToken)
    {
        var group = new WorkingGroup { Id = Guid.CreateVersion7(), CreatedAt = clock.GetUtcNow() };
        return await SaveAsync(group, input, true, cancellationToken);
    }

    [HttpGet(WorkingGroupsLinks.EditTemplate)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken) is { } group
            ? View(await PageAsync(id, WorkingGroupInput.From(group), cancellationToken))
            : NotFound();

    [HttpPost(WorkingGroupsLinks.EditTemplate)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(GroupEditPage.Input))] WorkingGroupInput input, CancellationToken cancellationToken) =>
        await db.WorkingGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken) is { } group
            ? await SaveAsync(group, input, false, cancellationToken)
            : NotFound();

    [HttpPost(WorkingGroupsLinks.AddMemberTemplate)]
    public async Task<IActionResult> AddMember(Guid id, string? email, bool lead, CancellationToken cancellationToken)
    {
        var error = string.IsNullOrWhiteSpace(email) ? "Indiquez l'adresse du compte de la personne."
            : !await db.WorkingGroups.AnyAsync(g => g.Id == id, cancellationToken) ? "Ce groupe n'existe plus."
            : await membership.AddAsync(id, email, lead, (await users.GetUserAsync(User))!, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? (lead ? "Animateur ajouté au groupe." : "Membre ajouté au groupe.");
        return Redirect(WorkingGroupsLinks.Edit(id) + "#membres");
    }

    [HttpPost(WorkingGroupsLinks.LeadTemplate)]
    public async Task<IActionResult> Lead(Guid id, Guid memberId, bool lead, CancellationToken cancellationToken)
    {
        var done = await membership.SetLeadAsync(id, memberId, lead, (await users.GetUserAsync(User))!, cancellationToken);
        TempData[done ? "Message" : "Error"] = done ? (lead ? "Animation confiée." : "Animation retirée.") : "Cette personne n'est plus dans le groupe.";
        return Redirect(WorkingGroupsLinks.Edit(id) + "#membres");
    }

    private async Task<IActionResult> SaveAsync(WorkingGroup group, WorkingGroupInput input, bool isNew, CancellationToken cancellationToken)
    {
        if (input.ActionSheetId is { } fiche && !await db.ActionSheets.AnyAsync(a => a.Id == fiche, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(GroupEditPage.Input)}.{nameof(WorkingGroupInput.ActionSheetId)}", "Choisissez une fiche action de la liste.");
        }
        var name = input.Name?.Trim();
        if (name is not null && await db.WorkingGroups.AnyAsync(g => g.Name == name && g.Id != group.Id, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(GroupEditPage.Input)}.{nameof(WorkingGroupInput.Name)}", "Un autre groupe porte déjà ce nom.");
        }
        if (!ModelState.IsValid)
        {
            return View("Edit", await PageAsync(isNew ? null : group.Id, input, cancellationToken));
        }
        input.ApplyTo(group);
        if (isNew)
        {
            db.WorkingGroups.Add(group);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = isNew ? "Le groupe est créé : ajoutez ses animateurs." : "Le groupe est enregistré.";
        return Redirect(WorkingGroupsLinks.Edit(group.Id));
    }

    private async Task<GroupEditPage> PageAsync(Guid? id, WorkingGroupInput input, CancellationToken cancellationToken)
    {
        var fiches = await db.ActionSheets.AsNoTracking().OrderBy(a => a.Number).ToDictionaryAsync(a => a.Id, a => $"Fiche {a.Number} – {a.Title}", cancellationToken);
        var members = id is null ? [] : await db.WorkingGroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.m.Status).ThenByDescending(x => x.m.IsLead).ThenBy(x => x.u.LastName).ThenBy(x => x.u.FirstName)
            .Select(x => new GroupMemberRow(x.m.Id, (x.u.FirstName + " " + x.u.LastName).Trim(), x.u.Email, x.m.Status, x.m.IsLead, x.m.RequestedAt))
            .ToListAsync(cancellationToken);
        return new GroupEditPage(id, input, fiches, members);
    }

    private IQueryable<GroupRow> Rows() => db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name)
        .Select(g => new GroupRow(g.Id, g.Name, g.ActionSheet == null ? null : "Fiche " + g.ActionSheet.Number + " – " + g.ActionSheet.Title, g.Open,
            g.Members.Count(m => m.Status == GroupMembershipStatus.Member), g.Members.Count(m => m.IsLead), g.Members.Count(m => m.Status == GroupMembershipStatus.Requested)));
}
