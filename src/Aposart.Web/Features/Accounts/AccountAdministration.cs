using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Account;
using Aposart.Web.Features.Home;
using Aposart.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Accounts;

/// <summary>
/// What an administrator does to an account: roles, lock, forced password reset. Each change is written to the account's
/// audit log and mailed to the person, in the same transaction. The portal always keeps an administrator: the changes that
/// would leave none are refused, under one lock so that two administrators removing each other at once cannot both succeed.
/// </summary>
public sealed class AccountAdministration(AposartDbContext db, UserManager<AppUser> users, AccountMails accountMails, PortalMailer mailer, TimeProvider clock)
{
    /// <summary>The roles given by hand; Professionnel comes with every account and Adhérent follows the memberships.</summary>
    public static readonly string[] ManagedRoles = [Roles.Admin, Roles.Board, Roles.Coordinator, Roles.Regulator];

    public static string Label(string role) => role switch
    {
        Roles.Admin => "Administrateur",
        Roles.Board => "Bureau",
        Roles.Coordinator => "Coordinateur",
        Roles.Regulator => "Régulateur",
        Roles.Member => "Adhérent",
        Roles.Professional => "Professionnel",
        _ => role,
    };

    public static string Labels(IEnumerable<string> roles) =>
        string.Join(", ", roles.OrderBy(r => Array.IndexOf(ManagedRoles, r) is var i && i < 0 ? 99 : i).Select(Label)) is { Length: > 0 } text ? text : "aucun";

    /// <summary>
    /// Gives exactly these managed roles; returns the refusal in French, or null when done (or nothing changed). Who decided
    /// is null when the portal itself acts (a bureau mandate that ends).
    /// </summary>
    public async Task<string?> SetRolesAsync(AppUser target, IReadOnlyCollection<string> wanted, AppUser? by, CancellationToken cancellationToken)
    {
        var roles = wanted.Where(ManagedRoles.Contains).Distinct().ToList();
        var current = (await users.GetRolesAsync(target)).Where(ManagedRoles.Contains).ToList();
        var add = roles.Except(current).ToList();
        var remove = current.Except(roles).ToList();
        if (add.Count == 0 && remove.Count == 0)
        {
            return null;
        }
        // Inside a caller's transaction (a bureau mandate closing) the caller commits.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (remove.Contains(Roles.Admin) && await IsLastAdminAsync(target, cancellationToken))
        {
            return target.Id == by?.Id
                ? "Vous êtes le seul administrateur : nommez d'abord un autre administrateur avant de quitter ce rôle."
                : "C'est le dernier administrateur du portail : nommez d'abord un autre administrateur.";
        }
        Check(await users.AddToRolesAsync(target, add));
        Check(await users.RemoveFromRolesAsync(target, remove));
        Audit(target, by, "Rôles modifiés", Labels(current), Labels(roles));
        mailer.Queue(target.Email!, target.NameOrEmail, "Vos accès au portail ont changé",
        [
            by is null ? "Votre mandat au bureau a pris fin : le portail a retiré le rôle qui l'accompagnait." : $"{by.NameOrEmail} a modifié vos rôles sur le portail de la CPTS.",
            $"Avant : {Labels(current)}. Désormais : {Labels(roles)}.",
            "Les changements s'appliquent dès votre prochaine page. Si vous ne comprenez pas ce changement, répondez à la coordination.",
        ], ("Mon espace", MemberHomeController.Path));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>Suspends the account: it cannot sign in, and its open sessions end at their next request.</summary>
    public async Task<string?> LockAsync(AppUser target, AppUser by, CancellationToken cancellationToken)
    {
        if (target.Id == by.Id)
        {
            return "Vous ne pouvez pas suspendre votre propre compte.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.IsInRoleAsync(target, Roles.Admin) && await IsLastAdminAsync(target, cancellationToken))
        {
            return "C'est le dernier administrateur du portail : il ne peut pas être suspendu.";
        }
        Check(await users.SetLockoutEnabledAsync(target, true));
        Check(await users.SetLockoutEndDateAsync(target, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(target));
        Audit(target, by, "Compte suspendu", "actif", "suspendu");
        mailer.Queue(target.Email!, target.NameOrEmail, "Votre compte est suspendu",
            [$"{by.NameOrEmail} a suspendu votre compte sur le portail de la CPTS : vous ne pouvez plus vous connecter.", "Pour en connaître la raison, écrivez à la coordination."],
            null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task UnlockAsync(AppUser target, AppUser by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.SetLockoutEndDateAsync(target, null));
        Check(await users.ResetAccessFailedCountAsync(target));
        Audit(target, by, "Compte réactivé", "suspendu", "actif");
        mailer.Queue(target.Email!, target.NameOrEmail, "Votre compte est réactivé",
            [$"{by.NameOrEmail} a réactivé votre compte sur le portail de la CPTS : vous pouvez de nouveau vous connecter."], ("Se connecter", AccountLinks.LoginPath));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The current password stops working at once, the sessions end, and the person is mailed a link to choose a new one.
    /// Not on one's own account: it would sign the administrator out mid-task; « Sécurité du compte » changes one's password.
    /// </summary>
    public async Task<string?> ForcePasswordResetAsync(AppUser target, AppUser by, CancellationToken cancellationToken)
    {
        if (target.Id == by.Id)
        {
            return "Pour votre propre compte, changez votre mot de passe depuis « Sécurité du compte ».";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.HasPasswordAsync(target))
        {
            Check(await users.RemovePasswordAsync(target));
        }
        Check(await users.UpdateSecurityStampAsync(target));
        Audit(target, by, "Nouveau mot de passe imposé", null, null);
        await accountMails.SendPasswordResetAsync(target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public void Audit(AppUser target, AppUser? by, string action, string? before, string? after) =>
        db.AccountAudits.Add(new AccountAudit
        {
            UserId = target.Id, At = clock.GetUtcNow(), ByUserId = by?.Id, ByName = by?.NameOrEmail ?? "Le portail", Action = action,
            Before = before, After = after,
        });

    /// <summary>
    /// Under the administrators' lock, taken for the rest of the caller's transaction: whether this account is the only
    /// administrator able to sign in.
    /// </summary>
    private async Task<bool> IsLastAdminAsync(AppUser target, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('aposart:administrators', 0))", cancellationToken);
        var now = clock.GetUtcNow();
        var others = await (from user in db.Users
                            join userRole in db.UserRoles on user.Id equals userRole.UserId
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where role.Name == Roles.Admin && user.Id != target.Id && (user.LockoutEnd == null || user.LockoutEnd < now)
                            select user.Id).CountAsync(cancellationToken);
        return others == 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
