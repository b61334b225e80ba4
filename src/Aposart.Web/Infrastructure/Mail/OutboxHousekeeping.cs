using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// A notice's stored message holds what it was sent for: a password-reset or confirmation link, an adhesion decision. Once
/// the notice is settled (sent, failed or cancelled) for <see cref="OutboxOptions.NoticeRetention"/>, its message is erased;
/// the row stays, with its address, subject and dates, as the mail journal.
/// </summary>
public sealed class OutboxHousekeeping(AposartDbContext db, IOptions<OutboxOptions> options, TimeProvider clock) : IPeriodicJob
{
    public string Name => "Purge des courriels de service envoyés";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.NoticeRetention;
        var purged = await db.OutboxMessages
            .Where(m => m.CampaignId == null && m.Mime != null && m.Status != OutboxStatus.Pending && (m.SentAt ?? m.CreatedAt) < before)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Mime, (byte[]?)null), cancellationToken);
        return $"{purged} message(s) de service effacé(s)";
    }
}
