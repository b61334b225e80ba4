using Aposart.Web.Data;
using Aposart.Web.Domain;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Sends one of the portal's notices through the outbox, like every campaign: the notice is written ready to send (MIME),
/// and the outbox workers deliver it, before any campaign row, with retries, rate limits and outage pauses.
/// <see cref="Queue"/> adds the notice to the unit of work of the change that causes it: the caller's SaveChanges (or
/// transaction) writes both or neither, so no saved change lacks its mail and no mail tells of a change that was not saved.
/// </summary>
public sealed class PortalMailer(MailComposer composer, AposartDbContext db, TimeProvider clock, ILogger<PortalMailer> logger)
{
    public string Link(string pathAndQuery) => composer.Link(pathAndQuery);

    /// <summary>Adds the notice to the caller's pending changes; nothing is written before the caller saves.</summary>
    /// <returns>The outbox row, for a caller that follows its sending (its id is known once saved).</returns>
    public OutboxMessage Queue(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, IReadOnlyList<MailAttachment>? attachments = null)
    {
        using var message = composer.Compose(toAddress, toName, subject, paragraphs,
            action is { } a ? (a.Label, composer.Link(a.PathAndQuery)) : null, attachments ?? []);
        // Fixed now and stored with the row: a message sent again after a crash keeps its Message-ID.
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(composer.Domain);
        using var mime = new MemoryStream();
        message.WriteTo(mime);
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            ToAddress = toAddress, ToName = toName.Length > 200 ? toName[..200] : toName, Mime = mime.ToArray(),
            Subject = subject.Length > 300 ? subject[..300] : subject, Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        };
        db.OutboxMessages.Add(row);
        logger.LogInformation("Notice {Subject} queued", subject);
        return row;
    }

    /// <summary>Queues the notice and saves it with whatever else the caller has pending, in one SaveChanges.</summary>
    public Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, CancellationToken cancellationToken) =>
        SendAsync(toAddress, toName, subject, paragraphs, action, [], cancellationToken);

    public async Task<bool> SendAsync(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string PathAndQuery)? action, IReadOnlyList<MailAttachment> attachments, CancellationToken cancellationToken)
    {
        Queue(toAddress, toName, subject, paragraphs, action, attachments);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// For jobs that mail each person once: the claim (a conditional update returning the rows it changed) and the notice
    /// that <paramref name="queue"/> adds are committed together. Returns false when another run had claimed the row first.
    /// </summary>
    public async Task<bool> ClaimThenQueueAsync(Func<CancellationToken, Task<int>> claim, Action<PortalMailer> queue, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await claim(cancellationToken) == 0)
        {
            return false;
        }
        queue(this);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>A file sent with a mail, such as a training's calendar entry.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
