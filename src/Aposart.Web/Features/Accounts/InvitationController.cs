using Aposart.Web.Domain;
using Aposart.Web.Features.Home;
using Aposart.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Accounts;

/// <summary>Where an invitation link leads: the invited person chooses a password, and is signed in with the roles given.</summary>
[AllowAnonymous]
public sealed class InvitationController(Invitations invitations, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet(AccountsLinks.AcceptRoute)]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindOpenAsync(token, cancellationToken);
        return invitation is null
            ? View("InvitationExpired")
            : View(new AcceptInvitationInput { Email = invitation.Email, FirstName = invitation.FirstName, LastName = invitation.LastName });
    }

    [HttpPost(AccountsLinks.AcceptRoute)]
    public async Task<IActionResult> Accept(string token, AcceptInvitationInput input, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindOpenAsync(token, cancellationToken);
        if (invitation is null)
        {
            return View("InvitationExpired");
        }
        input.Email = invitation.Email;
        if (ModelState.IsValid)
        {
            var (user, errors) = await invitations.AcceptAsync(token, input.FirstName!, input.LastName!, input.Password!, cancellationToken);
            if (user is not null)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                if (invitation.ProfessionalId is not null)
                {
                    TempData["Message"] = "Bienvenue : votre compte est créé et votre fiche vous est rattachée. Vérifiez-la, et choisissez ce qui est visible dans l'annuaire.";
                    return Redirect(Profile.ProfileLinks.Edit);
                }
                TempData["Message"] = "Bienvenue : votre compte est créé.";
                return Redirect(MemberHomeController.Path);
            }
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(input.Password), error);
            }
        }
        input.Password = input.ConfirmPassword = null;
        return View(input);
    }
}

public sealed class AcceptInvitationInput : NewAccountInput
{
    /// <summary>Shown, never taken from the form: the address is the invitation's.</summary>
    public string? Email { get; set; }
}
