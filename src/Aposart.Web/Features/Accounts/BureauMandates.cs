using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Association;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Accounts;

/// <summary>
/// The bureau's composition. A mandate opens with the Bureau role and closes without it: by the administrator, or by the
/// portal on its end date, after warning the administrators a month before. Each step is written to the account's log.
/// </summary>
public sealed class BureauMandates(AposartDbContext db, UserManager<AppUser> users, AccountAdministration administration, PortalMailer mailer, TimeProvider clock)
    : IPeriodicJob, IBoardComposition
{
    public static readonly TimeSpan Warning = TimeSpan.FromDays(30);

    public string Name => "Mandats du bureau";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);

    /// <summary>Opens a mandate; returns the refusal in French, or null.</summary>
    public async Task<string?> OpenAsync(AppUser target, BureauTitle title, DateOnly startsOn, DateOnly? endsOn, AppUser by, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(title))
        {
            return "Choisissez une fonction dans la liste.";
        }
        if (endsOn is { } end && end <= startsOn)
        {
            return "La fin du mandat doit venir après son début.";
        }
        if (endsOn is { } past && past < Today)
        {
            return "Ce mandat est déjà terminé : indiquez une date de fin à venir, ou aucune.";
        }
        if (title != BureauTitle.Member && await db.BureauMandates.AnyAsync(m => m.ClosedAt == null && m.Title == title && m.UserId != target.Id, cancellationToken))
        {
            return $"Un mandat de {title.Label().ToLowerInvariant()} est déjà ouvert : terminez-le d'abord.";
        }
        db.BureauMandates.Add(new BureauMandate
        {
            Id = Guid.CreateVersion7(), UserId = target.Id, Title = title, StartsOn = startsOn, EndsOn = endsOn,
            CreatedAt = clock.GetUtcNow(), CreatedByName = by.NameOrEmail,
        });
        administration.Audit(target, by, "Mandat au bureau", null, $"{title.Label()} du {startsOn:dd/MM/yyyy}{(endsOn is { } e ? $" au {e:dd/MM/yyyy}" : "")}");
        var roles = await users.GetRolesAsync(target);
        if (!roles.Contains(Roles.Board))
        {
            // The same SaveChanges stores the mandate, the log line and the role: all or nothing.
            return await administration.SetRolesAsync(target, [.. roles, Roles.Board], by, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Closes a mandate now; the Bureau role goes unless another mandate of the person stays open. The close is claimed with
    /// a conditional update, so two runs of the job (two instances) close it, log it and mail about it once.
    /// </summary>
    public async Task<bool> CloseAsync(Guid mandateId, AppUser? by, CancellationToken cancellationToken)
    {
        var today = Today;
        // Joins the caller's transaction when there is one (an election applied with its mark « applied »).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var claimed = await db.BureauMandates.Where(m => m.Id == mandateId && m.ClosedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.ClosedAt, clock.GetUtcNow())
            .SetProperty(m => m.EndsOn, m => m.EndsOn == null || m.EndsOn > today ? today : m.EndsOn), cancellationToken);
        var mandate = claimed == 1 ? await db.BureauMandates.AsNoTracking().SingleAsync(m => m.Id == mandateId, cancellationToken) : null;
        if (mandate is null || await users.FindByIdAsync(mandate.UserId.ToString()) is not { } target)
        {
            return false;
        }
        administration.Audit(target, by, "Fin de mandat au bureau", mandate.Title.Label(), null);
        var stillOpen = await db.BureauMandates.AnyAsync(m => m.UserId == target.Id && m.ClosedAt == null, cancellationToken);
        var roles = await users.GetRolesAsync(target);
        if (!stillOpen && roles.Contains(Roles.Board))
        {
            await administration.SetRolesAsync(target, [.. roles.Where(r => r != Roles.Board)], by, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return true;
    }

    public async Task<string?> SeatElectedAsync(IReadOnlyCollection<Guid> electedUserIds, DateOnly startsOn, DateOnly? endsOn, bool closeOthers, AppUser by,
        CancellationToken cancellationToken)
    {
        var open = await db.BureauMandates.Where(m => m.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var userId in electedUserIds)
        {
            var held = open.Where(m => m.UserId == userId).ToList();
            if (held.Count > 0)
            {
                // Re-elected: the mandate in course runs to the new term; the title the bureau gave stays.
                foreach (var mandate in held)
                {
                    mandate.EndsOn = endsOn;
                    mandate.EndWarningSentAt = null;
                }
                if (await users.FindByIdAsync(userId.ToString()) is { } reelected)
                {
                    administration.Audit(reelected, by, "Mandat au bureau renouvelé", null, endsOn is { } e ? $"jusqu'au {e:dd/MM/yyyy}" : "sans date de fin");
                    // A mandate recorded without the role (entered before the role was given by hand): the election settles it.
                    var roles = await users.GetRolesAsync(reelected);
                    if (!roles.Contains(Roles.Board) && await administration.SetRolesAsync(reelected, [.. roles, Roles.Board], by, cancellationToken) is { } refused)
                    {
                        return $"{reelected.NameOrEmail} : {refused}";
                    }
                }
                continue;
            }
            if (await users.FindByIdAsync(userId.ToString()) is not { } target)
            {
                return "Une personne élue n'a plus de compte : son mandat ne peut pas être ouvert.";
            }
            if (await OpenAsync(target, BureauTitle.Member, startsOn, endsOn, by, cancellationToken) is { } refusal)
            {
                return $"{target.NameOrEmail} : {refusal}";
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (closeOthers)
        {
            foreach (var mandate in open.Where(m => !electedUserIds.Contains(m.UserId)))
            {
                await CloseAsync(mandate.Id, by, cancellationToken);
            }
        }
        return null;
    }

    public async Task SetConsentAsync(Guid userId, bool consent, CancellationToken cancellationToken) =>
        await db.BureauMandates.Where(m => m.UserId == userId && m.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublicConsent, consent), cancellationToken);

    /// <summary>Closes the mandates whose end date has passed; warns the administrators of those ending within a month, once.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var ended = await db.BureauMandates.Where(m => m.ClosedAt == null && m.EndsOn < today).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in ended)
        {
            await CloseAsync(id, null, cancellationToken);
        }
        var horizon = today.AddDays(Warning.Days);
        var ending = await db.BureauMandates.Where(m => m.ClosedAt == null && m.EndWarningSentAt == null && m.EndsOn != null && m.EndsOn <= horizon)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Mandate = m, Name = u.FirstName + " " + u.LastName, u.Email })
            .ToListAsync(cancellationToken);
        if (ending.Count > 0)
        {
            var admins = await users.GetUsersInRoleAsync(Roles.Admin);
            foreach (var admin in admins.Where(a => a.Email is not null))
            {
                mailer.Queue(admin.Email!, admin.NameOrEmail, "Des mandats au bureau se terminent bientôt",
                [
                    .. ending.Select(e => $"{e.Name.Trim()} ({e.Email}) — {e.Mandate.Title.Label()} jusqu'au {e.Mandate.EndsOn:dd/MM/yyyy}."),
                    "À cette date, le portail retire le rôle Bureau. Renouvelez le mandat ou préparez la relève depuis la composition du bureau.",
                ], ("Composition du bureau", AccountsLinks.Bureau));
            }
            foreach (var e in ending)
            {
                e.Mandate.EndWarningSentAt = clock.GetUtcNow();
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return $"{ended.Count} mandat(s) terminé(s), {ending.Count} fin(s) prochaine(s) signalée(s)";
    }
}
