using System.Security.Claims;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.ProSanteConnect;

public enum PscStep
{
    /// <summary>Signed in: go on to the page asked, else the member's home.</summary>
    SignedIn,
    /// <summary>Nobody is known under this identity yet: the person links an account with its password or creates one.</summary>
    FirstUse,
    /// <summary>An account was created: its address must be confirmed before the first sign-in.</summary>
    CheckMail,
    /// <summary>The provider's answer is no longer in the external cookie (five minutes, or another tab used it).</summary>
    Expired,
    Refused,
}

public sealed record PscResult(PscStep Step, string? Message = null, string? Field = null);

/// <summary>
/// What happens once Pro Santé Connect has answered, read top to bottom: the identity already linked to an account signs it
/// in; otherwise the RPPS number it vouches for finds the directory record that holds it (and the same family name, so that
/// a number typed on someone else's record does not open that account); otherwise the person links an account by its
/// password, or creates one. Each sign-in marks the RPPS verified on the person's record.
/// </summary>
public sealed class ProSanteConnectSignIn(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AposartDbContext db,
    AccountMails mails,
    TimeProvider clock,
    ILogger<ProSanteConnectSignIn> logger)
{
    private const string Provider = ProSanteConnectLinks.DisplayName;

    /// <summary>The provider's answer as the external cookie holds it, for the first-use page.</summary>
    public async Task<PscIdentity?> PendingAsync() => (await AnswerAsync())?.Identity;

    /// <summary>The provider's answer kept in Identity's external cookie, and the identity it carries; null once gone.</summary>
    private async Task<(ExternalLoginInfo Info, PscIdentity Identity)?> AnswerAsync() =>
        await signIn.GetExternalLoginInfoAsync() is { LoginProvider: ProSanteConnectLinks.Scheme } info && PscIdentity.From(info.Principal) is { } identity
            ? (info, identity)
            : null;

    public async Task<PscResult> ContinueAsync(ClaimsPrincipal current, CancellationToken cancellationToken)
    {
        if (await AnswerAsync() is not var (info, identity))
        {
            return new PscResult(PscStep.Expired);
        }
        var linked = await users.FindByLoginAsync(ProSanteConnectLinks.Scheme, identity.Subject);

        // Someone already signed in asked, from their security page, to link their card to this account.
        if (signIn.IsSignedIn(current) && await users.GetUserAsync(current) is { } me)
        {
            if (linked is not null && linked.Id != me.Id)
            {
                await ForgetAnswerAsync();
                return new PscResult(PscStep.Refused, $"Cette identité {Provider} est déjà associée à un autre compte du portail.");
            }
            if (linked is null)
            {
                await LinkAsync(me, info, cancellationToken);
            }
            return await SignInAsync(me, info, identity, cancellationToken);
        }

        if (linked is null && await HolderOfRppsAsync(identity, cancellationToken) is { } holder)
        {
            await LinkAsync(holder, info, cancellationToken);
            linked = holder;
        }
        return linked is null ? new PscResult(PscStep.FirstUse) : await SignInAsync(linked, info, identity, cancellationToken);
    }

    /// <summary>First use, with an account already: its password proves it is the person's.</summary>
    public async Task<PscResult> LinkWithPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await AnswerAsync() is not var (info, identity))
        {
            return new PscResult(PscStep.Expired);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        var check = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new PscResult(PscStep.Refused, "Ce compte est verrouillé pour 15 minutes après plusieurs essais infructueux.", nameof(PscLinkInput.Password));
        }
        // An account whose address is unconfirmed is refused before its password is checked: check it here, or anyone
        // holding a card could link such an account without knowing its password.
        var passwordRight = check.Succeeded || (check.IsNotAllowed && await users.CheckPasswordAsync(user!, password));
        if (!passwordRight)
        {
            return new PscResult(PscStep.Refused, "Adresse e-mail ou mot de passe incorrect.", nameof(PscLinkInput.Password));
        }
        if (await users.FindByLoginAsync(ProSanteConnectLinks.Scheme, identity.Subject) is { } other && other.Id != user!.Id)
        {
            return new PscResult(PscStep.Refused, $"Cette identité {Provider} est déjà associée à un autre compte du portail.");
        }
        if (!(await users.GetLoginsAsync(user!)).Any(l => l.LoginProvider == ProSanteConnectLinks.Scheme))
        {
            await LinkAsync(user!, info, cancellationToken);
        }
        return await SignInAsync(user!, info, identity, cancellationToken);
    }

    /// <summary>
    /// First use, without an account: one is created with the name and profession the provider gives, reached only with
    /// Pro Santé Connect until the person chooses a password. The address is not vouched for by the provider, so it is
    /// confirmed by mail as any new account's.
    /// </summary>
    public async Task<PscResult> CreateAccountAsync(string email, CancellationToken cancellationToken)
    {
        if (await AnswerAsync() is not var (info, identity))
        {
            return new PscResult(PscStep.Expired);
        }
        email = email.Trim();
        if (await users.FindByLoginAsync(ProSanteConnectLinks.Scheme, identity.Subject) is not null)
        {
            return new PscResult(PscStep.Refused, $"Cette identité {Provider} est déjà associée à un compte : reconnectez-vous avec {Provider}.");
        }
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // As on the registration page: the answer does not tell whether the address has an account; its owner is told by mail.
            await mails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            await ForgetAnswerAsync();
            return new PscResult(PscStep.CheckMail);
        }
        var user = new AppUser { UserName = email, Email = email, FirstName = identity.FirstName, LastName = identity.LastName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new PscResult(PscStep.Refused, string.Join(" ", created.Errors.Select(e => e.Description)), nameof(PscCreateInput.Email));
        }
        await users.AddToRoleAsync(user, Roles.Professional);
        await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, Provider));
        logger.LogInformation("Account {UserId} created with Pro Santé Connect", user.Id);
        await VerifyRppsAsync(user, identity, cancellationToken);
        await mails.SendConfirmationAsync(user, cancellationToken);
        await ForgetAnswerAsync();
        return new PscResult(PscStep.CheckMail);
    }

    /// <summary>The account of the directory record holding the vouched RPPS number under the same family name.</summary>
    private async Task<AppUser?> HolderOfRppsAsync(PscIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.Rpps is null)
        {
            return null;
        }
        var record = await db.Professionals.AsNoTracking()
            .Where(p => p.Rpps == identity.Rpps && p.UserId != null && p.AnonymisedAt == null)
            .Select(p => new { p.UserId, p.LastName }).SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }
        if (!identity.IsNamed(record.LastName))
        {
            logger.LogWarning("The record holding the RPPS vouched by Pro Santé Connect bears another name: linking asks for the password");
            return null;
        }
        return await users.FindByIdAsync(record.UserId!.Value.ToString());
    }

    private async Task LinkAsync(AppUser user, ExternalLoginInfo info, CancellationToken cancellationToken)
    {
        var result = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, Provider));
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} linked to Pro Santé Connect", user.Id);
            await mails.SendExternalLoginLinkedAsync(user, Provider, cancellationToken);
        }
    }

    private async Task<PscResult> SignInAsync(AppUser user, ExternalLoginInfo info, PscIdentity identity, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return new PscResult(PscStep.Refused, "Ce compte est verrouillé pour 15 minutes après plusieurs essais infructueux. Réessayez plus tard.");
        }
        if (!await signIn.CanSignInAsync(user))
        {
            return new PscResult(PscStep.Refused, $"Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien reçu par courriel, puis reconnectez-vous avec {Provider}.");
        }
        await VerifyRppsAsync(user, identity, cancellationToken);
        // Pro Santé Connect is a strong authentication (CPS card or e-CPS): the portal's own second factor is not asked
        // again, and the session says how it was opened so that the back office accepts it.
        var properties = new AuthenticationProperties();
        properties.StoreTokens(info.AuthenticationTokens?.Where(t => t.Name == "id_token") ?? []);
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(ClaimTypes.AuthenticationMethod, ProSanteConnectLinks.Scheme)]);
        await ForgetAnswerAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, clock.GetUtcNow()), cancellationToken);
        logger.LogInformation("Account {UserId} signed in with Pro Santé Connect", user.Id);
        return new PscResult(PscStep.SignedIn);
    }

    /// <summary>
    /// The person's record takes the RPPS number the provider vouches for, marked verified. A record is made for an account
    /// without one when the provider gives the profession; nothing is changed when another record holds the number.
    /// </summary>
    private async Task VerifyRppsAsync(AppUser user, PscIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.Rpps is not { } rpps)
        {
            return;
        }
        var email = user.Email?.ToLowerInvariant();
        var record = await db.Professionals.SingleOrDefaultAsync(p => p.UserId == user.Id && p.AnonymisedAt == null, cancellationToken);
        if (await db.Professionals.AnyAsync(p => p.Rpps == rpps && p.UserId != user.Id, cancellationToken))
        {
            logger.LogWarning("Another directory record holds the RPPS vouched for account {UserId}: left for the coordination", user.Id);
            return;
        }
        if (record is null)
        {
            if (identity.Profession is not { } profession || await db.Professionals.AnyAsync(p => p.Email == email, cancellationToken))
            {
                return;
            }
            record = new Professional
            {
                UserId = user.Id,
                Civility = identity.Civility,
                FirstName = identity.FirstName,
                LastName = identity.LastName,
                Profession = profession,
                Email = email,
            };
            db.Professionals.Add(record);
        }
        record.Rpps = rpps;
        record.RppsVerifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same number or address saved on another record at this very moment: the sign-in goes on, unverified.
            logger.LogWarning("The RPPS of account {UserId} could not be marked verified: another record took it meanwhile", user.Id);
            db.ChangeTracker.Clear();
        }
    }

    private Task ForgetAnswerAsync() => signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
}
