namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Sends one of the portal's notices. A failed send is logged and reported as false, never thrown at the user:
/// the page that triggered it has already done its work, and every notice can be asked for again.
/// </summary>
public sealed class PortalMailer(MailComposer composer, IMailSender sender, ILogger<PortalMailer> logger)
{
    public string Link(string pathAndQuery) => composer.Link(pathAndQuery);

    public Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, CancellationToken cancellationToken) =>
        SendAsync(toAddress, toName, subject, paragraphs, action, [], cancellationToken);

    public async Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, IReadOnlyList<MailAttachment> attachments, CancellationToken cancellationToken)
    {
        var message = composer.Compose(toAddress, toName, subject, paragraphs,
            action is { } a ? (a.Label, composer.Link(a.PathAndQuery)) : null, attachments);
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException
                                              or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            logger.LogError(exception, "Mail {Subject} could not be sent", subject);
            return false;
        }
    }
}

/// <summary>A file sent with a mail, such as a training's calendar entry.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
