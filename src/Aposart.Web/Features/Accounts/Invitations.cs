using System.Security.Cryptography;
using System.Text;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Accounts;

/// <summary>
/// Inviting someone to the portal, followed top to bottom: the invitation is stored with the hash of a random secret and
/// mailed as a link valid <see cref="Lifetime"/>; resending makes a new secret (the old link dies); accepting creates the
/// account with its address confirmed and the roles chosen at invitation, once: the invitation is claimed by a conditional
/// update, so a link used twice at the same moment creates one account.
/// </summary>
public sealed class Invitations(AposartDbContext db, UserManager<AppUser> users, AccountAdministration administration, PortalMailer mailer, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A busy professional who finds their record imported may take weeks to act on it.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// An invitation to claim a record the coordination imported: the account it creates is tied to the record. Added to the
    /// context with its mail; the caller saves. Returns null when the address already has an account or an open invitation.
    /// </summary>
    public async Task<(Invitation Invitation, OutboxMessage Mail)?> PrepareClaimAsync(Professional professional, int? importId, AppUser by,
        CancellationToken cancellationToken)
    {
        var address = professional.Email!;
        var now = clock.GetUtcNow();
        if (await users.FindByEmailAsync(address) is not null
            || await db.Invitations.AnyAsync(i => i.Email == address && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now, cancellationToken))
        {
            return null;
        }
        var invitation = new Invitation
        {
            Email = address, FirstName = professional.FirstName, LastName = professional.LastName, Roles = [], CreatedAt = now, InvitedById = by.Id,
            InvitedByName = by.NameOrEmail, ProfessionalId = professional.Id, SpreadsheetImportId = importId,
        };
        db.Invitations.Add(invitation);
        return (invitation, Send(invitation, by));
    }

    public async Task<string?> InviteAsync(string email, string firstName, string lastName, IReadOnlyCollection<string> roles, AppUser by, CancellationToken cancellationToken)
    {
        var address = email.Trim().ToLowerInvariant();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return "Un compte existe déjà pour cette adresse : changez ses rôles depuis sa page.";
        }
        var now = clock.GetUtcNow();
        if (await db.Invitations.AnyAsync(i => i.Email == address && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now, cancellationToken))
        {
            return "Une invitation est déjà en cours pour cette adresse : renvoyez-la depuis la liste des invitations.";
        }
        var invitation = new Invitation
        {
            Email = address, FirstName = firstName.Trim(), LastName = lastName.Trim(), Roles = [.. roles.Where(AccountAdministration.ManagedRoles.Contains).Distinct()],
            CreatedAt = now, InvitedById = by.Id, InvitedByName = by.NameOrEmail,
        };
        db.Invitations.Add(invitation);
        Send(invitation, by);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>A new link (the previous one stops working) and a new lifetime.</summary>
    public async Task<bool> ResendAsync(Guid id, AppUser by, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id && i.AcceptedAt == null && i.WithdrawnAt == null, cancellationToken);
        if (invitation is null)
        {
            return false;
        }
        Send(invitation, by);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> WithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Invitations.Where(i => i.Id == id && i.AcceptedAt == null && i.WithdrawnAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.WithdrawnAt, clock.GetUtcNow()), cancellationToken) == 1;

    /// <summary>The open invitation this link belongs to; null for an unknown, used, withdrawn or expired link.</summary>
    public async Task<Invitation?> FindOpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Creates the account with the invitation's roles; returns the account, or the French errors (password rules, link already used).</summary>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> AcceptAsync(string token, string firstName, string lastName, string password,
        CancellationToken cancellationToken)
    {
        var invitation = await FindOpenAsync(token, cancellationToken);
        if (invitation is null)
        {
            return (null, ["Ce lien d'invitation n'est plus valable : il a déjà servi, a été retiré ou a expiré. Demandez-en un nouveau à l'administrateur."]);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: of two uses of the same link at once, one changes the row, the other gets nothing.
        if (await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.WithdrawnAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken) == 0)
        {
            return (null, ["Ce lien d'invitation vient d'être utilisé."]);
        }
        var user = new AppUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, FirstName = firstName.Trim(), LastName = lastName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [.. created.Errors.Select(e => e.Description)]);
        }
        await users.AddToRolesAsync(user, [Roles.Professional, .. invitation.Roles]);
        var year = now.ToParis().Year;
        if (invitation.ProfessionalId is { } claimed
            && await db.Professionals.Where(p => p.Id == claimed && p.UserId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.UserId, user.Id).SetProperty(p => p.AwaitingConsent, false), cancellationToken) == 1
            && await db.Memberships.AnyAsync(m => m.ProfessionalId == claimed && m.Year >= year - 1 && MembershipText.ActiveStatuses.Contains(m.Status), cancellationToken))
        {
            // The record is now theirs; a current membership imported with it makes them a member at once.
            await users.AddToRoleAsync(user, Roles.Member);
        }
        await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.UserId, user.Id), cancellationToken);
        administration.Audit(user, null, $"Invitation de {invitation.InvitedByName} acceptée", null, AccountAdministration.Labels(invitation.Roles));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, []);
    }

    private OutboxMessage Send(Invitation invitation, AppUser by)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        invitation.TokenHash = Hash(token);
        invitation.ExpiresAt = clock.GetUtcNow() + (invitation.ProfessionalId is null ? Lifetime : ClaimLifetime);
        invitation.SentCount++;
        var until = invitation.ExpiresAt.ToParisString("d MMMM yyyy");
        if (invitation.ProfessionalId is not null)
        {
            return mailer.Queue(invitation.Email, $"{invitation.FirstName} {invitation.LastName}".Trim(), "Votre fiche dans l'annuaire de la CPTS",
            [
                "La coordination de la CPTS a repris dans son portail la liste de ses adhérents et partenaires qu'elle tenait jusqu'ici dans un tableur. Votre fiche y figure : nom, profession, lieu d'exercice et, le cas échéant, votre adhésion.",
                "Cette fiche n'est publiée nulle part, pas même aux autres adhérents, et ne vous vaudra aucun autre courriel du portail tant que vous ne l'avez pas réclamée.",
                $"Pour la réclamer, créez votre compte avec le lien ci-dessous : vous vérifierez vos informations et choisirez, champ par champ, ce qui est visible. Le lien ne sert qu'une fois et reste valable jusqu'au {until}.",
                "Si vous ne souhaitez pas de compte, ignorez ce message. Pour faire effacer votre fiche, répondez à la coordination.",
            ], ("Réclamer ma fiche", AccountsLinks.Accept(token)));
        }
        var roles = invitation.Roles.Count == 0 ? "" : $" avec le rôle : {AccountAdministration.Labels(invitation.Roles)}";
        return mailer.Queue(invitation.Email, $"{invitation.FirstName} {invitation.LastName}".Trim(), "Invitation au portail de la CPTS",
        [
            $"{by.NameOrEmail} vous invite à rejoindre le portail de la CPTS{roles}.",
            $"Choisissez votre mot de passe avec le lien ci-dessous. Il ne sert qu'une fois et reste valable jusqu'au {invitation.ExpiresAt.ToParisString("d MMMM yyyy 'à' HH'h'mm")}.",
            "Si vous ne vous attendiez pas à ce message, ignorez-le : aucun compte ne sera créé.",
        ], ("Créer mon compte", AccountsLinks.Accept(token)));
    }

    /// <summary>Only the hash is stored: a copy of the database does not give working links.</summary>
    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
}
