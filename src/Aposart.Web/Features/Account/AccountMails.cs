using System.Text;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Aposart.Web.Features.Account;

/// <summary>The mails of the account life cycle. A failed send is logged, never shown as an error page:
/// the pages that trigger them always offer a way to ask again.</summary>
public sealed class AccountMails(UserManager<AppUser> users, PortalMailer mailer)
{
    public async Task SendConfirmationAsync(AppUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = ($"/compte/confirmation?utilisateur={user.Id}&code={Encode(token)}");
        await SendAsync(user, "Confirmez votre adresse e-mail",
            ["Vous avez créé un compte sur le portail de la CPTS. Pour l'activer, confirmez votre adresse e-mail avec le lien ci-dessous.",
             "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé."],
            ("Confirmer mon adresse", link), cancellationToken);
    }

    public Task SendAlreadyRegisteredAsync(AppUser user, CancellationToken cancellationToken) =>
        SendAsync(user, "Vous avez déjà un compte",
            ["Quelqu'un, peut-être vous, a voulu créer un compte avec cette adresse, qui en a déjà un.",
             "Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau."],
            ("Choisir un nouveau mot de passe", "/compte/mot-de-passe-oublie"), cancellationToken);

    /// <summary>Told at once, so that a link the person did not make (someone else's card on their record) does not go unnoticed.</summary>
    public Task SendExternalLoginLinkedAsync(AppUser user, string provider, CancellationToken cancellationToken) =>
        SendAsync(user, $"{provider} est associé à votre compte",
            [$"Votre compte du portail de la CPTS peut désormais être ouvert avec {provider} (carte CPS ou application e-CPS).",
             "Si vous n'êtes pas à l'origine de cette association, dissociez-la depuis la page Sécurité de votre compte et prévenez la coordination."],
            ("Sécurité du compte", AccountLinks.Security), cancellationToken);

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = ($"/compte/reinitialisation?utilisateur={user.Id}&code={Encode(token)}");
        await SendAsync(user, "Choisir un nouveau mot de passe",
            ["Une demande de nouveau mot de passe a été faite pour votre compte. Le lien ci-dessous est valable un jour.",
             "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."],
            ("Choisir un nouveau mot de passe", link), cancellationToken);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Task SendAsync(AppUser user, string subject, IReadOnlyList<string> paragraphs, (string, string) action,
        CancellationToken cancellationToken) =>
        mailer.SendAsync(user.Email!, user.NameOrEmail, subject, paragraphs, action, cancellationToken);
}
