using Aposart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Sends one of the portal's notices through the outbox, like every campaign: the notice is written ready to send (MIME),
/// and the outbox workers deliver it with retries, rate limits and outage pauses. Writing the row does not touch the
/// request's tracked changes.
/// </summary>
public sealed class PortalMailer(MailComposer composer, AposartDbContext db, TimeProvider clock, ILogger<PortalMailer> logger)
{
    public string Link(string pathAndQuery) => composer.Link(pathAndQuery);

    public Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, CancellationToken cancellationToken) =>
        SendAsync(toAddress, toName, subject, paragraphs, action, [], cancellationToken);

    public async Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, IReadOnlyList<MailAttachment> attachments, CancellationToken cancellationToken)
    {
        using var message = composer.Compose(toAddress, toName, subject, paragraphs,
            action is { } a ? (a.Label, composer.Link(a.PathAndQuery)) : null, attachments);
        // Fixed now and stored with the row: a message sent again after a crash keeps its Message-ID.
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(composer.Domain);
        using var mime = new MemoryStream();
        await message.WriteToAsync(mime, cancellationToken);
        var now = clock.GetUtcNow();
        var bytes = mime.ToArray();
        var shortSubject = subject.Length > 300 ? subject[..300] : subject;
        var name = toName.Length > 200 ? toName[..200] : toName;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (to_address, to_name, mime, subject, status, attempts, created_at, next_attempt_at)
            VALUES ({toAddress}, {name}, {bytes}, {shortSubject}, 0, 0, {now}, {now})
            """, cancellationToken);
        logger.LogInformation("Notice {Subject} queued", subject);
        return true;
    }
}

/// <summary>A file sent with a mail, such as a training's calendar entry.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
