using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// "Send a test mail to me": one message through the configured server, at once, so that the administrator reads the
/// server's answer in plain French on the page instead of finding a silent outbox later.
/// </summary>
public sealed class MailTest(MailComposer composer, MailConnections connections, IOptions<MailOptions> mail, PortalSettings settings, Data.AposartDbContext db,
    TimeProvider clock, ILogger<MailTest> logger)
{
    public sealed record Outcome(bool Succeeded, string Message);

    public async Task<Outcome> SendAsync(AppUser me, CancellationToken cancellationToken)
    {
        var message = composer.Compose(me.Email!, me.NameOrEmail, "Courriel de test du portail",
        [
            $"Ce courriel de test a été demandé depuis les paramètres du portail le {clock.GetUtcNow().ToParisString()}.",
            "S'il vous est parvenu, le serveur de messagerie accepte les envois du portail. Vérifiez aussi qu'il n'est pas arrivé dans les indésirables.",
        ]);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Test mail to {Address} failed", me.Email);
            return new Outcome(false, "Le courriel de test n'est pas parti. " + SmtpAnswers.Explain(exception, mail.Value.FromAddress));
        }
        // The first-run checklist counts the step as done.
        await settings.SaveAsync(db, FirstRunChecklist.MailTestPassed, new FirstRunMarker { At = clock.GetUtcNow(), By = me.NameOrEmail }, me.Id, me.NameOrEmail, cancellationToken);
        return new Outcome(true, $"Le serveur de messagerie a accepté le courriel de test, envoyé à {me.Email} depuis {mail.Value.FromAddress}. Vérifiez votre boîte de réception.");
    }
}
