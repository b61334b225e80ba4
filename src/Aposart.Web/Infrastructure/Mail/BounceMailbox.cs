using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Reads the bounce mailbox: a delivery-status notification that reports a permanent failure suppresses the address, as a
/// 5xx refusal at RCPT does, and marks the outbox row the VERP address names as failed. Every message read is flagged
/// seen and left in the mailbox, so someone can still look at it; a message that is no bounce (an auto-reply) changes nothing.
/// </summary>
public sealed class BounceMailbox(IOptions<MailOptions> options, Outbox outbox, AposartDbContext db, TimeProvider clock,
    ILogger<BounceMailbox> logger) : IPeriodicJob
{
    public string Name => "Lecture des retours de courriels (rebonds)";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.BounceMailbox;
        if (settings.Host.Length == 0)
        {
            return "pas de boîte de retours configurée";
        }
        using var client = new ImapClient();
        await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
        await client.AuthenticateAsync(settings.User, settings.Password, cancellationToken);
        var folder = await client.GetFolderAsync(settings.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var unread = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        int read = 0, suppressed = 0;
        foreach (var uid in unread)
        {
            using var message = await folder.GetMessageAsync(uid, cancellationToken);
            var outboxId = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => BounceAddress.OutboxIdIn(m.Address)).FirstOrDefault(id => id is not null)
                ?? BounceAddress.OutboxIdIn(message.Headers["Delivered-To"]) ?? BounceAddress.OutboxIdIn(message.Headers["X-Original-To"]);
            foreach (var failure in DeliveryStatus.Read(message).Where(r => r.IsHardBounce))
            {
                var address = failure.Address ?? await AddressOfAsync(outboxId, cancellationToken);
                if (address is null)
                {
                    continue;
                }
                var reason = $"Retour {failure.Status} reçu après l'envoi : {failure.Diagnostic}".Trim();
                await outbox.SuppressAsync(address, reason, cancellationToken);
                if (outboxId is { } id)
                {
                    var now = clock.GetUtcNow();
                    await db.OutboxMessages.Where(m => m.Id == id && m.ToAddress == address).ExecuteUpdateAsync(set => set
                        .SetProperty(m => m.Status, OutboxStatus.Failed)
                        .SetProperty(m => m.NextAttemptAt, now)
                        .SetProperty(m => m.LastError, reason.Length > 1000 ? reason[..1000] : reason), cancellationToken);
                }
                logger.LogInformation("Bounce {Status} for {Address}: suppressed", failure.Status, address);
                suppressed++;
            }
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
            read++;
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        return $"{read} message(s) lu(s), {suppressed} adresse(s) suspendue(s)";
    }

    private async Task<string?> AddressOfAsync(long? outboxId, CancellationToken cancellationToken) =>
        outboxId is { } id
            ? await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.ToAddress).SingleOrDefaultAsync(cancellationToken)
            : null;
}
