using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>What an SMTP server's answer means for the portal, and how to say it to a coordinator in French.</summary>
public static partial class SmtpAnswers
{
    /// <summary>
    /// A refusal of this recipient (unknown mailbox, disabled address), as opposed to a refusal at RCPT TO that says something
    /// about the sender: relaying denied or a policy block (5.7.x), or the server's own trouble (5.3.x, 5.4.x, 5.5.x).
    /// Suppressing the address on those would bar every member for a problem of the portal's mail settings.
    /// </summary>
    public static bool IsRecipientRefusal(SmtpCommandException exception)
    {
        if (exception.ErrorCode != SmtpErrorCode.RecipientNotAccepted)
        {
            return false;
        }
        var enhanced = EnhancedCode().Match(exception.Message);
        return !enhanced.Success || enhanced.Groups[1].Value is "1" or "2";
    }

    /// <summary>The server's answer in plain French, with what to check; the server's own words are quoted.</summary>
    public static string Explain(Exception exception, string? fromAddress)
    {
        // MailKit keeps the server's text without its status code; the code is what a host's support asks for.
        var answer = exception is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message.Trim()}" : exception.Message.Trim();
        return exception switch
        {
            AuthenticationException =>
                $"Le serveur de messagerie refuse l'identifiant ou le mot de passe du compte d'envoi (« {answer} »). Vérifiez Mail:SmtpUser et Mail:SmtpPassword.",
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } =>
                $"Le serveur de messagerie refuse l'adresse d'expédition {fromAddress} (« {answer} »). Vérifiez que ce compte a le droit d'envoyer avec cette adresse.",
            SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted, StatusCode: SmtpStatusCode.ExceededStorageAllocation } =>
                $"Le serveur de messagerie refuse le message, trop volumineux (« {answer} »). Allégez les pièces jointes.",
            SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } =>
                $"Le serveur de messagerie refuse le contenu du message (« {answer} »). Il peut le prendre pour un courriel indésirable : revoyez le texte et les liens.",
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } =>
                $"Le serveur de messagerie refuse de transmettre le message (« {answer} ») : l'envoi semble bloqué par sa politique (relais ou authentification).",
            SmtpCommandException { StatusCode: SmtpStatusCode.AuthenticationRequired } =>
                $"Le serveur de messagerie demande une authentification (« {answer} »). Renseignez Mail:SmtpUser et Mail:SmtpPassword.",
            SmtpCommandException =>
                $"Le serveur de messagerie a refusé l'envoi (« {answer} »).",
            SslHandshakeException =>
                "La connexion chiffrée au serveur de messagerie a échoué. Vérifiez Mail:SmtpSecurity et le port.",
            System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } =>
                "Le serveur de messagerie refuse la connexion : vérifiez l'adresse et le port du serveur.",
            System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain } =>
                "Le nom du serveur de messagerie est introuvable : vérifiez Mail:SmtpHost.",
            _ => $"Le serveur de messagerie n'a pas pu être joint (« {answer} »).",
        };
    }

    [GeneratedRegex(@"\b5\.(\d{1,3})\.\d{1,3}\b")]
    private static partial Regex EnhancedCode();
}
