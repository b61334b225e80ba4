using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.WorkingGroups;

/// <summary>
/// Who is in a group: an adherent asks, a lead (or the coordination) accepts or refuses, a member leaves; the coordination
/// names the leads. Each step that concerns someone else is mailed through the outbox, in the same save.
/// </summary>
public sealed class WorkingGroupMembership(AposartDbContext db, PortalMailer mailer, TimeProvider clock)
{
    /// <summary>Whether this person leads the group.</summary>
    public Task<bool> LeadsAsync(Guid groupId, Guid userId, CancellationToken cancellationToken) => db.WorkingGroupMembers.LeadAsync(groupId, userId, cancellationToken);

    public async Task<string?> RequestAsync(Guid groupId, AppUser user, CancellationToken cancellationToken)
    {
        var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is not { Open: true })
        {
            return "Ce groupe ne prend pas de nouvelles demandes : adressez-vous à la coordination.";
        }
        db.WorkingGroupMembers.Add(new WorkingGroupMember
        {
            Id = Guid.CreateVersion7(), GroupId = groupId, UserId = user.Id, Status = GroupMembershipStatus.Requested, RequestedAt = clock.GetUtcNow(),
        });
        var leads = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId && m.IsLead && m.Status == GroupMembershipStatus.Member)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).ToListAsync(cancellationToken);
        foreach (var lead in leads.Where(l => l.Email is not null))
        {
            mailer.Queue(lead.Email!, lead.NameOrEmail, $"Demande pour rejoindre « {group.Name} »",
                [$"{user.NameOrEmail} demande à rejoindre le groupe de travail « {group.Name} ».", "Acceptez ou refusez la demande depuis la page du groupe."],
                ("Page du groupe", WorkingGroupsLinks.Group(groupId)));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return "Vous faites déjà partie de ce groupe, ou votre demande est déjà faite.";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return null;
    }

    /// <summary>Accepts or refuses a request, once (a conditional change: two leads answering at once decide once).</summary>
    public async Task<string?> DecideAsync(Guid groupId, Guid memberId, bool accept, AppUser by, CancellationToken cancellationToken)
    {
        var request = await db.WorkingGroupMembers.AsNoTracking().Include(m => m.Group)
            .SingleOrDefaultAsync(m => m.Id == memberId && m.GroupId == groupId && m.Status == GroupMembershipStatus.Requested, cancellationToken);
        var person = request is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (request is null || person is null)
        {
            return "Cette demande a déjà été traitée.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var query = db.WorkingGroupMembers.Where(m => m.Id == memberId && m.Status == GroupMembershipStatus.Requested);
        var changed = accept
            ? await query.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, GroupMembershipStatus.Member)
                .SetProperty(m => m.AcceptedAt, clock.GetUtcNow()).SetProperty(m => m.AcceptedByName, by.NameOrEmail), cancellationToken)
            : await query.ExecuteDeleteAsync(cancellationToken);
        if (changed == 0)
        {
            return "Cette demande a déjà été traitée.";
        }
        if (person.Email is not null)
        {
            mailer.Queue(person.Email, person.NameOrEmail, accept ? $"Bienvenue dans « {request.Group!.Name} »" : $"Votre demande pour « {request.Group!.Name} »",
                accept
                    ? [$"{by.NameOrEmail} a accepté votre demande : vous êtes membre du groupe de travail « {request.Group.Name} ».", "Vous serez convoqué·e à ses réunions."]
                    : [$"Votre demande pour rejoindre le groupe de travail « {request.Group.Name} » n'a pas été retenue.", "La coordination peut vous en dire plus."],
                ("Page du groupe", WorkingGroupsLinks.Group(groupId)));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<bool> LeaveAsync(Guid groupId, Guid userId, CancellationToken cancellationToken) =>
        await db.WorkingGroupMembers.Where(m => m.GroupId == groupId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>Names or un-names a lead; a person asking to join who is named lead is accepted at once.</summary>
    public async Task<bool> SetLeadAsync(Guid groupId, Guid memberId, bool lead, AppUser by, CancellationToken cancellationToken) =>
        await db.WorkingGroupMembers.Where(m => m.Id == memberId && m.GroupId == groupId).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.IsLead, lead)
            .SetProperty(m => m.Status, m => lead ? GroupMembershipStatus.Member : m.Status)
            .SetProperty(m => m.AcceptedAt, m => lead && m.AcceptedAt == null ? clock.GetUtcNow() : m.AcceptedAt)
            .SetProperty(m => m.AcceptedByName, m => lead && m.AcceptedByName == null ? by.NameOrEmail : m.AcceptedByName), cancellationToken) == 1;

    /// <summary>The coordination adds someone directly, as a member or a lead (by their account's address).</summary>
    public async Task<string?> AddAsync(Guid groupId, string email, bool lead, AppUser by, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            return "Aucun compte n'a cette adresse : la personne doit d'abord avoir un compte sur le portail.";
        }
        var existing = await db.WorkingGroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == user.Id, cancellationToken);
        if (existing is not null)
        {
            return await SetLeadAsync(groupId, existing.Id, lead || existing.IsLead, by, cancellationToken) ? null : "Cette personne ne peut pas être ajoutée.";
        }
        db.WorkingGroupMembers.Add(new WorkingGroupMember
        {
            Id = Guid.CreateVersion7(), GroupId = groupId, UserId = user.Id, Status = GroupMembershipStatus.Member, IsLead = lead,
            RequestedAt = clock.GetUtcNow(), AcceptedAt = clock.GetUtcNow(), AcceptedByName = by.NameOrEmail,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return "Cette personne vient d'être ajoutée.";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return null;
    }
}
