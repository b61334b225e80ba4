using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Accounts;

/// <summary>Accounts and roles: the administrator manages them, the coordination reads the list.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class AccountsController(AposartDbContext db, UserManager<AppUser> users, AccountAdministration administration, Invitations invitations,
    TimeProvider clock) : Controller
{
    private const int PageSize = 30;

    [HttpGet(AccountsLinks.List)]
    public async Task<IActionResult> List([FromQuery] AccountFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Rows(filter).PageAsync(page, PageSize, cancellationToken);
        var open = User.IsInRole(Roles.Admin)
            ? await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.WithdrawnAt == null).OrderByDescending(i => i.CreatedAt).Take(50).ToListAsync(cancellationToken)
            : [];
        return View(new AccountListPage(filter, paged.Rows, paged.Total, paged.Pager(AccountsLinks.List, filter.Query()), open, clock.GetUtcNow(), User.IsInRole(Roles.Admin)));
    }

    [HttpGet(AccountsLinks.Csv)]
    public async Task<IActionResult> Csv([FromQuery] AccountFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Rows(filter).ToListAsync(cancellationToken);
        return CsvExport.File("comptes.csv", ["Nom", "Adresse", "Rôles", "Adresse confirmée", "Double authentification", "Suspendu", "Dernière connexion", "Créé le"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.Email, AccountAdministration.Labels(r.Roles), r.Confirmed ? "oui" : "non", r.TwoFactor ? "oui" : "non",
                r.Locked ? "oui" : "non", r.LastSignInAt?.ToParisString(), r.CreatedAt.ToParisString()]));
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpGet(AccountsLinks.DetailsRoute)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id.ToString()) is { } target ? View(await DetailsPageAsync(target, cancellationToken)) : NotFound();

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.RolesRoute)]
    public async Task<IActionResult> SetRoles(Guid id, [FromForm] List<string>? roles, CancellationToken cancellationToken) =>
        await ActAsync(id, async (target, by) => await administration.SetRolesAsync(target, roles ?? [], by, cancellationToken), "Rôles enregistrés ; la personne est prévenue par courriel.");

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.LockRoute)]
    public async Task<IActionResult> Lock(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, (target, by) => administration.LockAsync(target, by, cancellationToken), "Compte suspendu.");

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.UnlockRoute)]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, async (target, by) => { await administration.UnlockAsync(target, by, cancellationToken); return null; }, "Compte réactivé.");

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.ForceResetRoute)]
    public async Task<IActionResult> ForceReset(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, (target, by) => administration.ForcePasswordResetAsync(target, by, cancellationToken),
            "L'ancien mot de passe ne fonctionne plus ; un lien pour en choisir un nouveau a été envoyé.");

    [Authorize(Roles = Roles.Admin)]
    [HttpGet(AccountsLinks.Invite)]
    public IActionResult Invite() => View(new InvitationInput());

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.Invite)]
    public async Task<IActionResult> Invite(InvitationInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await invitations.InviteAsync(input.Email!, input.FirstName!, input.LastName!, input.Roles, (await users.GetUserAsync(User))!, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(input.Email), refusal);
        }
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        TempData["Message"] = $"Invitation envoyée à {input.Email!.Trim()}.";
        return Redirect(AccountsLinks.List);
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.ResendRoute)]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken)
    {
        var resent = await invitations.ResendAsync(id, (await users.GetUserAsync(User))!, cancellationToken);
        TempData[resent ? "Message" : "Error"] = resent ? "Invitation renvoyée avec un nouveau lien ; l'ancien ne fonctionne plus." : "Cette invitation n'est plus en cours.";
        return Redirect(AccountsLinks.List);
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.WithdrawRoute)]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken cancellationToken)
    {
        var withdrawn = await invitations.WithdrawAsync(id, cancellationToken);
        TempData[withdrawn ? "Message" : "Error"] = withdrawn ? "Invitation retirée : son lien ne fonctionne plus." : "Cette invitation n'est plus en cours.";
        return Redirect(AccountsLinks.List);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<AppUser, AppUser, Task<string?>> action, string done)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } target)
        {
            return NotFound();
        }
        var refusal = await action(target, (await users.GetUserAsync(User))!);
        TempData[refusal is null ? "Message" : "Error"] = refusal ?? done;
        return Redirect(AccountsLinks.Details(id));
    }

    private async Task<AccountDetailsPage> DetailsPageAsync(AppUser target, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(target);
        var audit = await db.AccountAudits.AsNoTracking().Where(a => a.UserId == target.Id).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var professionalId = await db.Professionals.Where(p => p.UserId == target.Id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return new AccountDetailsPage(target, [.. roles], target.LockoutEnd > clock.GetUtcNow(), await users.HasPasswordAsync(target), audit, professionalId);
    }

    private IQueryable<AccountRow> Rows(AccountFilter filter)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (filter.Q.TrimmedOrNull() is { } q)
        {
            var pattern = $"%{q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.FirstName + " " + u.LastName, pattern));
        }
        if (filter.Role is { } role && AccountFilter.Roles.Contains(role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        if (filter.Confirme is { } confirmed)
        {
            query = query.Where(u => u.EmailConfirmed == confirmed);
        }
        if (filter.DoubleAuthentification is { } twoFactor)
        {
            query = query.Where(u => u.TwoFactorEnabled == twoFactor);
        }
        return query.OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Email).Select(u => new AccountRow(
            u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email!,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd > now, u.LastSignInAt, u.CreatedAt));
    }
}

public sealed class AccountFilter
{
    public static readonly string[] Roles = [.. AccountAdministration.ManagedRoles, Domain.Roles.Member, Domain.Roles.Professional];

    public string? Q { get; set; }
    public string? Role { get; set; }
    public bool? Confirme { get; set; }
    public bool? DoubleAuthentification { get; set; }

    public string Query() => string.Join('&', new[]
    {
        Q is { Length: > 0 } q ? "q=" + Uri.EscapeDataString(q) : null,
        Role is { Length: > 0 } r ? "role=" + Uri.EscapeDataString(r) : null,
        Confirme is { } c ? "confirme=" + (c ? "true" : "false") : null,
        DoubleAuthentification is { } d ? "doubleAuthentification=" + (d ? "true" : "false") : null,
    }.Where(p => p is not null));
}

public sealed record AccountRow(Guid Id, string Name, string Email, List<string> Roles, bool Confirmed, bool TwoFactor, bool Locked,
    DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt);

public sealed record AccountListPage(AccountFilter Filter, IReadOnlyList<AccountRow> Rows, int Total, PagerModel Pager, IReadOnlyList<Invitation> Invitations,
    DateTimeOffset Now, bool CanManage);

public sealed record AccountDetailsPage(AppUser Account, IReadOnlyList<string> Roles, bool Locked, bool HasPassword, IReadOnlyList<AccountAudit> Audit, Guid? ProfessionalId);

public sealed class InvitationInput
{
    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez l'adresse e-mail de la personne à inviter.")]
    [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
    [StringLength(320, ErrorMessage = "320 caractères au plus.")]
    public string? Email { get; set; }

    [Display(Name = "Prénom")]
    [Required(ErrorMessage = "Indiquez le prénom.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? FirstName { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Indiquez le nom.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? LastName { get; set; }

    [Display(Name = "Rôles donnés à l'acceptation")]
    public List<string> Roles { get; set; } = [];
}
