using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off in tests, which drive the outbox themselves.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Worker loops, each with its own SMTP connection.</summary>
    public int Workers { get; set; } = 2;
    /// <summary>Rows claimed at most at once; fewer when the rates could not send that many within half a lease.</summary>
    public int BatchSize { get; set; } = 100;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Messages per second over all workers; 0 for no limit.</summary>
    public double MaxPerSecond { get; set; }
    /// <summary>Messages per sliding window (for providers with hourly or daily quotas); 0 for no limit.</summary>
    public int MaxPerWindow { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long the mailer waits after the SMTP server could not be reached.</summary>
    public TimeSpan OutagePause { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long the mailer waits after the server refused the sender or a message: someone has to act first.</summary>
    public TimeSpan RefusalPause { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Tries per row, the first included; a row still refused after them is given up.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>How long a sent notice keeps its message (links to reset a password, confirm an address…); the row stays for the journal.</summary>
    public TimeSpan NoticeRetention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>The SMTP server cannot be reached: the batch is put back and the worker waits.</summary>
public sealed class MailOutageException(Exception inner) : Exception("SMTP server unreachable", inner);

/// <summary>The SMTP server refused the sender or a message (not a recipient): the outbox pauses until someone acts.</summary>
public sealed class MailRefusedException(string problem, Exception inner) : Exception(problem, inner);

/// <summary>The campaigns' side of the outbox, which the letters feature provides: campaigns become rows when due, and end when sent.</summary>
public interface IOutboxCampaigns
{
    /// <summary>Expands each campaign whose time has come into one row per recipient.</summary>
    Task<int> StartDueAsync(CancellationToken cancellationToken);

    /// <summary>Closes the campaigns that have nothing left to send.</summary>
    Task<int> FinishAsync(CancellationToken cancellationToken);

    /// <summary>The server refused the sender or this campaign's message: shown on the campaign, and the coordination alerted once.</summary>
    Task ReportRefusalAsync(Campaign campaign, string problem, CancellationToken cancellationToken);

    /// <summary>The campaign's messages are accepted again.</summary>
    Task ClearRefusalAsync(Guid campaignId, CancellationToken cancellationToken);
}

/// <summary>
/// The outbox: every mail of the portal, campaigns and notices, is a row. Workers claim due rows with FOR UPDATE SKIP LOCKED
/// under a lease that names the claim, and each row is marked sent as soon as the server accepted it. The lease is renewed
/// while a row waits for the rate limiter or is on the wire, and checked before each send, so a row is never sent by two
/// claims: only the message on the wire when a process dies can go twice.
/// </summary>
public sealed class Outbox(AposartDbContext db, CampaignMail renderer, OutboxRateLimiter limiter, IOutboxCampaigns campaignSide,
    IOptions<OutboxOptions> options, IOptions<MailOptions> mailOptions, TimeProvider clock, ILogger<Outbox> logger) : IAsyncDisposable, IDisposable
{
    private Npgsql.NpgsqlCommand? markSent;

    private OutboxOptions Settings => options.Value;
    // For the lease of a batch, which renews its rows through this outbox's context.
    private TimeProvider Clock => clock;
    private AposartDbContext Db => db;

    public Task<int> StartDueCampaignsAsync(CancellationToken cancellationToken) => campaignSide.StartDueAsync(cancellationToken);

    /// <summary>When a worker is idle: rows out of attempts are given up, then campaigns with nothing left are closed.</summary>
    public async Task<int> FinishCampaignsAsync(CancellationToken cancellationToken)
    {
        await GiveUpExhaustedAsync(cancellationToken);
        return await campaignSide.FinishAsync(cancellationToken);
    }

    /// <summary>
    /// Claims due rows under a lease named for this claim only (two batches of one worker are two claims), notices before
    /// campaign rows, and never a row that has used its attempts. Returns the claim's name and the rows.
    /// </summary>
    public async Task<(string Claim, List<long> Ids)> ClaimAsync(string worker, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + Settings.Lease;
        var claim = $"{(worker.Length > 80 ? worker[..80] : worker)}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";
        var maxAttempts = Settings.MaxAttempts;
        var ids = await db.Database.SqlQuery<long>($"""
            WITH notices AS (
                SELECT id FROM outbox_messages
                WHERE campaign_id IS NULL AND status = 0 AND attempts < {maxAttempts} AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                ORDER BY id LIMIT {count} FOR UPDATE SKIP LOCKED),
            campaign_rows AS (
                SELECT id FROM outbox_messages
                WHERE status = 0 AND campaign_id IS NOT NULL AND attempts < {maxAttempts} AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                ORDER BY id LIMIT {count} FOR UPDATE SKIP LOCKED),
            chosen AS (
                SELECT id FROM (SELECT id, 0 AS rank FROM notices UNION ALL SELECT id, 1 FROM campaign_rows) AS due ORDER BY rank, id LIMIT {count})
            UPDATE outbox_messages SET lease_until = {leaseUntil}, leased_by = {claim}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM chosen)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return (claim, ids);
    }

    /// <summary>How many rows one claim may take: no more than the rates let all workers send within half a lease.</summary>
    public int ClaimSize()
    {
        var capacity = limiter.CapacityWithin(Settings.Lease / 2);
        return capacity <= 0 ? 0 : Math.Clamp(capacity / Math.Max(1, Settings.Workers), 1, Settings.BatchSize);
    }

    /// <summary>A claimed batch, loaded with what its messages need, waiting for its turn on the connection.</summary>
    public sealed record PreparedBatch(string Claim, DateTimeOffset ClaimedAt, List<OutboxMessage> Rows, Dictionary<Guid, Campaign> Campaigns,
        Dictionary<string, string> Tokens);

    /// <summary>Claims a batch and sends it over the connection; returns how many rows it handled.</summary>
    public async Task<int> ProcessBatchAsync(string worker, IMailConnection connection, CancellationToken cancellationToken)
    {
        var batch = await PrepareBatchAsync(worker, cancellationToken);
        if (batch is null)
        {
            return 0;
        }
        await SendBatchAsync(batch, connection, cancellationToken);
        return batch.Rows.Count;
    }

    /// <summary>
    /// Sends every due batch over one connection, preparing the next batch (claim, load) on the second outbox while
    /// the current one is on the wire, so the connection does not wait for the database.
    /// The two outboxes must not share a DbContext. Returns how many rows were handled.
    /// </summary>
    public static async Task<int> DrainAsync(Outbox first, Outbox second, string worker, IMailConnection connection, CancellationToken cancellationToken)
    {
        var handled = 0;
        var (current, spare) = (first, second);
        var batch = await current.PrepareBatchAsync(worker, cancellationToken);
        while (batch is not null)
        {
            var next = spare.PrepareBatchAsync(worker, cancellationToken);
            try
            {
                await current.SendBatchAsync(batch, connection, cancellationToken);
            }
            catch (Exception exception)
            {
                // The batch prepared in advance was never offered to the server: it goes back, after the pause the failure calls for.
                PreparedBatch? unsent = null;
                try
                {
                    unsent = await next;
                }
                catch (Exception) when (exception is OperationCanceledException)
                {
                    // Cancelled while claiming: its lease runs out by itself.
                }
                if (unsent is not null)
                {
                    await spare.ReleaseAsync(unsent.Claim, [.. unsent.Rows.Select(r => r.Id)], spare.PauseAfter(exception), CancellationToken.None);
                }
                throw;
            }
            handled += batch.Rows.Count;
            batch = await next;
            (current, spare) = (spare, current);
        }
        return handled;
    }

    private TimeSpan PauseAfter(Exception exception) => exception switch
    {
        MailOutageException => Settings.OutagePause,
        MailRefusedException => Settings.RefusalPause,
        _ => TimeSpan.Zero,
    };

    /// <summary>Claims due rows and loads their campaigns and unsubscribe tokens; null when nothing is due.</summary>
    public async Task<PreparedBatch?> PrepareBatchAsync(string worker, CancellationToken cancellationToken)
    {
        var size = ClaimSize();
        if (size == 0)
        {
            // The quota of the window is spent: claiming now would only hold rows while waiting.
            return null;
        }
        var claimedAt = clock.GetUtcNow();
        var (claim, ids) = await ClaimAsync(worker, size, cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        // Notices first, as claimed.
        rows = [.. rows.OrderBy(r => r.CampaignId is not null).ThenBy(r => r.Id)];
        var campaignIds = rows.Where(r => r.CampaignId is not null).Select(r => r.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var campaign in campaigns.Values)
        {
            // The attachments of a sending campaign no longer change: read once per process, not once per batch.
            campaign.Attachments = await renderer.AttachmentsAsync(campaign.Id,
                () => db.CampaignAttachments.AsNoTracking().Where(a => a.CampaignId == campaign.Id).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken));
        }
        var addresses = rows.Where(r => r.CampaignId is not null).Select(r => r.ToAddress).ToList();
        var tokens = addresses.Count == 0
            ? []
            : await db.MailSubscribers.AsNoTracking().Where(s => addresses.Contains(s.Address)).ToDictionaryAsync(s => s.Address, s => s.Token, cancellationToken);
        return new PreparedBatch(claim, claimedAt, rows, campaigns, tokens);
    }

    /// <summary>
    /// Sends a prepared batch, marking each row as soon as the server has answered for it. Whatever ends the batch early
    /// (an outage, a refusal of the sender, shutdown, a database error), the rows never offered to the server go back
    /// without spending an attempt, and the rows already sent stay recorded as sent.
    /// </summary>
    public async Task SendBatchAsync(PreparedBatch batch, IMailConnection connection, CancellationToken cancellationToken)
    {
        var lease = new BatchLease(this, batch);
        var next = 0;
        try
        {
            for (; next < batch.Rows.Count; next++)
            {
                var row = batch.Rows[next];
                var campaign = row.CampaignId is { } campaignId ? batch.Campaigns[campaignId] : null;
                if (!lease.Holds(row.Id))
                {
                    continue;
                }
                if (campaign?.Status == CampaignStatus.Cancelled)
                {
                    await MarkAsync(batch.Claim, row.Id, OutboxStatus.Cancelled, null, null, CancellationToken.None);
                    continue;
                }
                MimeMessage message;
                try
                {
                    // Rendered on its turn, not with the batch: a message then lives for its own send only and dies young.
                    message = campaign is not null
                        ? renderer.Render(campaign, row.Id, row.ToAddress, row.ToName, row.FirstName, batch.Tokens.GetValueOrDefault(row.ToAddress) ?? "")
                        : await MimeMessage.LoadAsync(new MemoryStream(row.Mime ?? throw new InvalidOperationException("Notice without its message (purged?)")), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // This row cannot be made into a message: it alone is retried, then given up; the batch goes on.
                    logger.LogError(exception, "Outbox row {Row} could not be rendered", row.Id);
                    await RetryOrGiveUpAsync(batch.Claim, row, "Message impossible à préparer : " + exception.Message, CancellationToken.None);
                    continue;
                }
                // Disposed once sent: MimeKit's messages have finalizers, and an undisposed one outlives the collection that finds it.
                using (message)
                {
                    await lease.WhileHeldAsync(limiter.WaitAsync(cancellationToken));
                    if (!await lease.EnsureAsync(row.Id, cancellationToken))
                    {
                        // The lease had lapsed and another claim took the row: it is that claim's to send.
                        continue;
                    }
                    try
                    {
                        await lease.WhileHeldAsync(connection.SendAsync(message, row.Id, cancellationToken));
                    }
                    catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500 && SmtpAnswers.IsRecipientRefusal(exception))
                    {
                        // This address does not exist or refuses mail: it gets nothing more until someone fixes it.
                        await MarkAsync(batch.Claim, row.Id, OutboxStatus.Failed, null, exception.Message, CancellationToken.None);
                        await SuppressAsync(row.ToAddress, exception.Message, CancellationToken.None);
                        continue;
                    }
                    catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
                    {
                        // The sender, the account or this message is refused: no recipient is to blame, so none is suppressed.
                        var problem = SmtpAnswers.Explain(exception, mailOptions.Value.FromAddress);
                        if (exception.ErrorCode == SmtpErrorCode.MessageNotAccepted)
                        {
                            // The message itself (size, content): this row spends its attempt, so it is given up in the end.
                            await RetryOrGiveUpAsync(batch.Claim, row, problem, CancellationToken.None);
                            next++;
                        }
                        await ReportRefusalAsync(campaign, problem, CancellationToken.None);
                        throw new MailRefusedException(problem, exception);
                    }
                    catch (SmtpCommandException exception)
                    {
                        await RetryOrGiveUpAsync(batch.Claim, row, exception.Message, CancellationToken.None);
                        continue;
                    }
                    catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException or SmtpProtocolException)
                    {
                        logger.LogWarning(exception, "SMTP outage; the outbox pauses");
                        throw new MailOutageException(exception);
                    }
                    // Recorded at once, whatever comes next: a shutdown or a crash after this line cannot send this row again.
                    await MarkSentAsync(batch.Claim, row.Id);
                    if (campaign?.SendingProblem is not null)
                    {
                        // The server takes this campaign's messages again: the problem it showed is over.
                        campaign.SendingProblem = null;
                        await campaignSide.ClearRefusalAsync(campaign.Id, CancellationToken.None);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            var unsent = batch.Rows.Skip(next).Select(r => r.Id).Where(lease.Holds).ToList();
            if (unsent.Count > 0)
            {
                try
                {
                    await ReleaseAsync(batch.Claim, unsent, PauseAfter(exception), CancellationToken.None);
                }
                catch (Exception release) when (release is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException)
                {
                    // The database is away too: the rows come back when their lease runs out.
                    logger.LogWarning(release, "Could not put back {Count} outbox rows", unsent.Count);
                }
            }
            throw;
        }
    }

    /// <summary>The lease of one claim: renewed while its rows wait or are on the wire, checked before each send.</summary>
    private sealed class BatchLease(Outbox outbox, PreparedBatch batch)
    {
        private HashSet<long> held = [.. batch.Rows.Select(r => r.Id)];
        private DateTimeOffset validUntil = batch.ClaimedAt + outbox.Settings.Lease;

        public bool Holds(long id) => held.Contains(id);

        /// <summary>Waits for the task, renewing the lease every third of it meanwhile (the rate limiter can hold a row for long).</summary>
        public async Task WhileHeldAsync(Task task)
        {
            while (!task.IsCompleted)
            {
                var renewal = validUntil - outbox.Settings.Lease * 2 / 3 - outbox.Clock.GetUtcNow();
                if (renewal <= TimeSpan.Zero)
                {
                    await RenewAsync(CancellationToken.None);
                    continue;
                }
                try
                {
                    // WaitAsync drops its timer as soon as the task completes: no timer outlives a message.
                    await task.WaitAsync(renewal);
                    return;
                }
                catch (TimeoutException)
                {
                    // Still waiting: renew on the next turn. The task may also have ended between the timer and this
                    // line (seen on a loaded machine, when a filter on IsCompleted let the timeout escape): the loop's
                    // test sees it, and the await below gives its own outcome, its own TimeoutException included.
                }
            }
            await task;
        }

        /// <summary>True when the row may be sent now: still this claim's, with at least half a lease ahead.</summary>
        public async Task<bool> EnsureAsync(long id, CancellationToken cancellationToken)
        {
            if (validUntil - outbox.Clock.GetUtcNow() < outbox.Settings.Lease / 2)
            {
                await RenewAsync(cancellationToken);
            }
            return held.Contains(id);
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            var now = outbox.Clock.GetUtcNow();
            var until = now + outbox.Settings.Lease;
            var ids = held.ToList();
            var claim = batch.Claim;
            // A row whose lease lapsed and that another claim took (or sent) is no longer this claim's: it drops out.
            var kept = await outbox.Db.Database.SqlQuery<long>($"""
                UPDATE outbox_messages SET lease_until = {until}
                WHERE id = ANY({ids}) AND leased_by = {claim} AND status = 0
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
            held = [.. kept];
            validUntil = until;
        }
    }

    /// <summary>Exponential backoff from 30 seconds, capped at 6 hours, with up to 20 % jitter so retries do not bunch.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Max(1, attempt) - 1), 6 * 3600);
        return TimeSpan.FromSeconds(seconds * (1 + RandomNumberGenerator.GetInt32(0, 200) / 1000.0));
    }

    /// <summary>The claim counted this attempt already: a row with attempts left waits its backoff, the others are given up.</summary>
    private Task RetryOrGiveUpAsync(string claim, OutboxMessage row, string error, CancellationToken cancellationToken)
    {
        var giveUp = row.Attempts >= Settings.MaxAttempts;
        return MarkAsync(claim, row.Id, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending,
            giveUp ? null : clock.GetUtcNow() + Backoff(row.Attempts), error, cancellationToken);
    }

    private Task MarkAsync(string claim, long id, OutboxStatus status, DateTimeOffset? retryAt, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cut = error is { Length: > 1000 } ? error[..1000] : error;
        return db.OutboxMessages.Where(m => m.Id == id && m.LeasedBy == claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.SentAt, status == OutboxStatus.Sent ? now : null)
            .SetProperty(m => m.NextAttemptAt, m => retryAt ?? m.NextAttemptAt)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, cut), cancellationToken);
    }

    /// <summary>
    /// One row, right after the server's acceptance, by a prepared statement on the context's connection: one round trip a
    /// message, without the EF pipeline. A passing database error is tried again rather than leave the row to be resent.
    /// </summary>
    private async Task MarkSentAsync(string claim, long id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (markSent is null)
                {
                    await db.Database.OpenConnectionAsync(CancellationToken.None);
                    markSent = new Npgsql.NpgsqlCommand(
                        "UPDATE outbox_messages SET status = 1, sent_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2 AND leased_by = $3",
                        (Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
                    markSent.Parameters.Add(new Npgsql.NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                    markSent.Parameters.Add(new Npgsql.NpgsqlParameter<long> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
                    markSent.Parameters.Add(new Npgsql.NpgsqlParameter<string> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
                    await markSent.PrepareAsync(CancellationToken.None);
                }
                ((Npgsql.NpgsqlParameter<DateTimeOffset>)markSent.Parameters[0]).TypedValue = clock.GetUtcNow();
                ((Npgsql.NpgsqlParameter<long>)markSent.Parameters[1]).TypedValue = id;
                ((Npgsql.NpgsqlParameter<string>)markSent.Parameters[2]).TypedValue = claim;
                await markSent.ExecuteNonQueryAsync(CancellationToken.None);
                return;
            }
            catch (Npgsql.NpgsqlException exception) when (attempt < 5 && exception.IsTransient)
            {
                if (markSent is not null)
                {
                    await markSent.DisposeAsync();
                    markSent = null;
                }
                await db.Database.CloseConnectionAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None);
            }
        }
    }

    // Scopes are disposed synchronously in places (tests, jobs): both ways release the prepared statement.
    public async ValueTask DisposeAsync()
    {
        if (markSent is not null)
        {
            await markSent.DisposeAsync();
        }
    }

    public void Dispose() => markSent?.Dispose();

    private Task ReleaseAsync(string claim, List<long> ids, TimeSpan pause, CancellationToken cancellationToken)
    {
        var resume = clock.GetUtcNow() + pause;
        return db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeasedBy == claim && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.NextAttemptAt, resume), cancellationToken);
    }

    /// <summary>Rows that used all their attempts (their last worker died, or they failed each time) are failed for good.</summary>
    private Task<int> GiveUpExhaustedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var note = $"Abandonné après {Settings.MaxAttempts} tentatives.";
        return db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.Attempts >= Settings.MaxAttempts && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, m => m.LastError == null ? note : note + " " + m.LastError), cancellationToken);
    }

    /// <summary>The address gets no campaign any more (a subscriber row is made if it had none).</summary>
    public Task SuppressAsync(string address, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var cut = reason.Length > 500 ? reason[..500] : reason;
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO mail_subscribers (address, token, quarterly_letter, flashmails, training_announcements, bounced_at, bounce_reason)
            VALUES ({address}, {token}, true, true, true, {now}, {cut})
            ON CONFLICT (address) DO UPDATE SET bounced_at = COALESCE(mail_subscribers.bounced_at, EXCLUDED.bounced_at), bounce_reason = EXCLUDED.bounce_reason
            """, cancellationToken);
    }

    private async Task ReportRefusalAsync(Campaign? campaign, string problem, CancellationToken cancellationToken)
    {
        // A refused notice is only logged: alerting someone about it would queue one more notice behind the same refusal.
        logger.LogError("The SMTP server refused a message: {Problem}", problem);
        if (campaign is not null)
        {
            await campaignSide.ReportRefusalAsync(campaign, problem, cancellationToken);
            campaign.SendingProblem = problem;
        }
    }
}

/// <summary>Keeps the whole outbox under the configured rates: per second (token spacing) and per sliding window.</summary>
public sealed class OutboxRateLimiter(IOptions<OutboxOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<DateTimeOffset> window = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

    /// <summary>How many messages the rates let through within this time from now; int.MaxValue without limits.</summary>
    public int CapacityWithin(TimeSpan within)
    {
        var settings = options.Value;
        var capacity = int.MaxValue;
        if (settings.MaxPerSecond > 0)
        {
            capacity = (int)Math.Max(1, Math.Floor(settings.MaxPerSecond * within.TotalSeconds));
        }
        if (settings.MaxPerWindow > 0)
        {
            lock (window)
            {
                Prune(clock.GetUtcNow() - settings.Window);
                capacity = Math.Min(capacity, settings.MaxPerWindow - window.Count);
            }
        }
        return capacity;
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MaxPerSecond <= 0 && settings.MaxPerWindow <= 0)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (settings.MaxPerSecond > 0)
            {
                if (next > now)
                {
                    await Task.Delay(next - now, clock, cancellationToken);
                    now = next;
                }
                next = now + TimeSpan.FromSeconds(1 / settings.MaxPerSecond);
            }
            if (settings.MaxPerWindow > 0)
            {
                TimeSpan wait;
                lock (window)
                {
                    Prune(now - settings.Window);
                    wait = window.Count >= settings.MaxPerWindow ? window.Peek() + settings.Window - now : TimeSpan.Zero;
                }
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
                lock (window)
                {
                    Prune(clock.GetUtcNow() - settings.Window);
                    window.Enqueue(clock.GetUtcNow());
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private void Prune(DateTimeOffset before)
    {
        while (window.Count > 0 && window.Peek() <= before)
        {
            window.Dequeue();
        }
    }
}

/// <summary>Runs the outbox: each worker loop starts due campaigns, sends batches over its own connection, and pauses on outages and refusals.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, MailConnections connections, IOptions<OutboxOptions> options, JobRuns runs, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? Task.WhenAll(Enumerable.Range(1, Math.Max(1, options.Value.Workers)).Select(n => RunAsync($"{Environment.MachineName}-{Environment.ProcessId}-{n}", stoppingToken)))
            : Task.CompletedTask;

    private async Task RunAsync(string worker, CancellationToken stoppingToken)
    {
        IMailConnection? connection = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.Poll;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var spareScope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
                await outbox.StartDueCampaignsAsync(stoppingToken);
                connection ??= await OpenAsync(stoppingToken);
                if (await Outbox.DrainAsync(outbox, spareScope.ServiceProvider.GetRequiredService<Outbox>(), worker, connection, stoppingToken) > 0)
                {
                    runs.OutboxResumed();
                    wait = TimeSpan.Zero;
                }
                else
                {
                    await outbox.FinishCampaignsAsync(stoppingToken);
                    // Idle: let the SMTP connection go rather than have the server drop it.
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is MailOutageException or MailRefusedException)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                connection = null;
                wait = exception is MailRefusedException ? options.Value.RefusalPause : options.Value.OutagePause;
                runs.OutboxPaused(wait, exception.Message);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox worker {Worker} failed; it tries again", worker);
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                connection = null;
                wait = options.Value.OutagePause;
            }
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await connections.OpenAsync(cancellationToken);
        }
        catch (MailKit.Security.AuthenticationException exception)
        {
            // 535: the account is refused; waiting the outage pause would hammer the server with a wrong password.
            logger.LogError(exception, "The SMTP server refused the account; the outbox pauses");
            throw new MailRefusedException(SmtpAnswers.Explain(exception, null), exception);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException
            or MailKit.Security.SslHandshakeException)
        {
            logger.LogWarning(exception, "SMTP server unreachable; the outbox pauses");
            throw new MailOutageException(exception);
        }
    }
}
