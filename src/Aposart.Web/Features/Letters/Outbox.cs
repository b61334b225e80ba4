using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Features.Letters;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off in tests, which drive the outbox themselves.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Worker loops, each with its own SMTP connection.</summary>
    public int Workers { get; set; } = 2;
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
    public int MaxAttempts { get; set; } = 8;
}

/// <summary>The SMTP server cannot be reached: the batch is put back and the worker waits.</summary>
public sealed class MailOutageException(Exception inner) : Exception("SMTP server unreachable", inner);

public sealed record Recipient(string Address, string Name, string? FirstName);

/// <summary>
/// The outbox: campaigns become one row per recipient; workers claim due rows with FOR UPDATE SKIP LOCKED and a lease,
/// send, and mark each row. A row whose worker died is claimed again when its lease ends: only messages in flight at a
/// crash can go twice, and two workers never hold the same row.
/// </summary>
public sealed class Outbox(AposartDbContext db, CampaignMail renderer, CampaignAudience audience, OutboxRateLimiter limiter,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<Outbox> logger)
{
    /// <summary>Starts the campaigns whose time has come: claims each, expands its audience into rows, in one transaction.</summary>
    public async Task<int> StartDueCampaignsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Campaigns.Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now).Select(c => c.Id).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Sending), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var recipients = await audience.ResolveAsync(campaign, cancellationToken);
            await audience.EnsureSubscribersAsync(recipients.Select(r => r.Address), cancellationToken);
            await WriteRowsAsync(id, recipients, now, cancellationToken);
            db.CampaignEvents.Add(new CampaignEvent
            {
                CampaignId = id, At = now, ByName = "Envoi automatique", From = CampaignStatus.Scheduled, To = CampaignStatus.Sending,
                Note = $"{recipients.Count} destinataire(s)",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            started++;
        }
        return started;
    }

    /// <summary>A campaign's rows in one COPY: ten thousand rows take a fraction of a second, not seconds of INSERTs.</summary>
    private async Task WriteRowsAsync(Guid campaignId, List<Recipient> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (campaign_id, to_address, to_name, first_name, status, attempts, created_at, next_attempt_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var r in recipients)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(campaignId, NpgsqlTypes.NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(r.Address, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(r.Name.Length > 200 ? r.Name[..200] : r.Name, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            if (r.FirstName is null)
            {
                await import.WriteNullAsync(cancellationToken);
            }
            else
            {
                await import.WriteAsync(r.FirstName, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            }
            await import.WriteAsync((int)OutboxStatus.Pending, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>Campaigns with nothing left to send are sent.</summary>
    public async Task<int> FinishCampaignsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var done = await db.Campaigns.Where(c => c.Status == CampaignStatus.Sending
                && !db.OutboxMessages.Any(m => m.CampaignId == c.Id && m.Status == OutboxStatus.Pending))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in done)
        {
            if (await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Sending)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Sent).SetProperty(c => c.SentAt, now), cancellationToken) == 1)
            {
                var sent = await db.OutboxMessages.CountAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Sent, cancellationToken);
                var failed = await db.OutboxMessages.CountAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Failed, cancellationToken);
                db.CampaignEvents.Add(new CampaignEvent { CampaignId = id, At = now, ByName = "Envoi automatique", From = CampaignStatus.Sending, To = CampaignStatus.Sent, Note = $"{sent} envoyé(s), {failed} en échec" });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return done.Count;
    }

    /// <summary>Claims due rows for this worker until its lease ends.</summary>
    public async Task<List<long>> ClaimAsync(string worker, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        return await db.Database.SqlQuery<long>($"""
            UPDATE outbox_messages SET lease_until = {leaseUntil}, leased_by = {worker}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = 0 AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                ORDER BY id LIMIT {count}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    private TimeSpan OutagePause => options.Value.OutagePause;

    /// <summary>A claimed batch, loaded with what its messages need, waiting for its turn on the connection.</summary>
    public sealed record PreparedBatch(List<OutboxMessage> Rows, Dictionary<Guid, Campaign> Campaigns, Dictionary<string, string> Tokens);

    /// <summary>Claims a batch and sends it over the connection; returns how many rows it handled.</summary>
    public async Task<int> ProcessBatchAsync(string worker, IMailConnection connection, CancellationToken cancellationToken)
    {
        var batch = await PrepareBatchAsync(worker, cancellationToken);
        if (batch is null)
        {
            return 0;
        }
        await SendBatchAsync(batch, worker, connection, cancellationToken);
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
                await current.SendBatchAsync(batch, worker, connection, cancellationToken);
            }
            catch (Exception exception)
            {
                // The batch prepared in advance was never offered to the server: it goes back, after the pause if the server is down.
                if (await next is { } unsent)
                {
                    var pause = exception is MailOutageException ? spare.OutagePause : TimeSpan.Zero;
                    await spare.ReleaseAsync(unsent.Rows.Select(r => r.Id).ToList(), worker, pause, CancellationToken.None);
                }
                throw;
            }
            handled += batch.Rows.Count;
            batch = await next;
            (current, spare) = (spare, current);
        }
        return handled;
    }

    /// <summary>Claims due rows and loads their campaigns and unsubscribe tokens; null when nothing is due.</summary>
    public async Task<PreparedBatch?> PrepareBatchAsync(string worker, CancellationToken cancellationToken)
    {
        var ids = await ClaimAsync(worker, options.Value.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
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
        return new PreparedBatch(rows, campaigns, tokens);
    }

    /// <summary>Sends a prepared batch and marks its rows.</summary>
    public async Task SendBatchAsync(PreparedBatch batch, string worker, IMailConnection connection, CancellationToken cancellationToken)
    {
        var (rows, campaigns, tokens) = batch;
        // Sent rows are marked together at the end of the batch: a crash can resend at most the batch in flight.
        var sent = new List<long>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.CampaignId is { } campaignId && campaigns[campaignId].Status == CampaignStatus.Cancelled)
            {
                await MarkAsync(row.Id, worker, OutboxStatus.Cancelled, null, null, cancellationToken);
                continue;
            }
            // Rendered on its turn, not with the batch: a message then lives for its own send only and dies young, where a
            // hundred rendered in advance outlived the collector's first generation and were promoted, collection after collection.
            // Disposed once sent: MimeKit's messages and parts have finalizers, so an undisposed message survives its first
            // collection to wait for its finalizer, and the collector copied every message it found (20 ms pauses, all gen 1).
            using var message = row.Mime is null && row.CampaignId is { } id
                ? renderer.Render(campaigns[id], row.Id, row.ToAddress, row.ToName, row.FirstName, tokens.GetValueOrDefault(row.ToAddress) ?? "")
                : await MimeMessage.LoadAsync(new MemoryStream(row.Mime!), cancellationToken);
            await limiter.WaitAsync(cancellationToken);
            try
            {
                await connection.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
            {
                // A permanent refusal: the address gets nothing more until someone fixes it.
                await MarkAsync(row.Id, worker, OutboxStatus.Failed, null, exception.Message, cancellationToken);
                await audience.SuppressAsync(row.ToAddress, exception.Message, cancellationToken);
                continue;
            }
            catch (SmtpCommandException exception)
            {
                var retry = row.Attempts + 1 >= options.Value.MaxAttempts ? null : (DateTimeOffset?)clock.GetUtcNow() + Backoff(row.Attempts + 1);
                await MarkAsync(row.Id, worker, retry is null ? OutboxStatus.Failed : OutboxStatus.Pending, retry, exception.Message, cancellationToken);
                continue;
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException or SmtpProtocolException)
            {
                // The server is gone: this row and the rest of the batch go back, without counting the attempt against them.
                await MarkSentAsync(sent, worker, cancellationToken);
                await ReleaseAsync(rows.Skip(i).Select(r => r.Id).ToList(), worker, options.Value.OutagePause, cancellationToken);
                logger.LogWarning(exception, "SMTP outage; the outbox pauses");
                throw new MailOutageException(exception);
            }
            sent.Add(row.Id);
        }
        await MarkSentAsync(sent, worker, cancellationToken);
    }

    /// <summary>Exponential backoff from 30 seconds, capped at 6 hours, with up to 20 % jitter so retries do not bunch.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(30 * Math.Pow(2, attempt - 1), 6 * 3600);
        return TimeSpan.FromSeconds(seconds * (1 + RandomNumberGenerator.GetInt32(0, 200) / 1000.0));
    }

    private Task MarkAsync(long id, string worker, OutboxStatus status, DateTimeOffset? retryAt, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cut = error is { Length: > 1000 } ? error[..1000] : error;
        return db.OutboxMessages.Where(m => m.Id == id && m.LeasedBy == worker).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.SentAt, status == OutboxStatus.Sent ? now : null)
            .SetProperty(m => m.NextAttemptAt, m => retryAt ?? m.NextAttemptAt)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, cut), cancellationToken);
    }

    private Task MarkSentAsync(List<long> ids, string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ids.Count == 0 ? Task.CompletedTask : db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeasedBy == worker).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    private Task ReleaseAsync(List<long> ids, string worker, TimeSpan pause, CancellationToken cancellationToken)
    {
        var resume = clock.GetUtcNow() + pause;
        return db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeasedBy == worker).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.NextAttemptAt, resume), cancellationToken);
    }
}

/// <summary>Keeps the whole outbox under the configured rates: per second (token spacing) and per sliding window.</summary>
public sealed class OutboxRateLimiter(IOptions<OutboxOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<DateTimeOffset> window = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

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
                while (window.Count > 0 && window.Peek() <= now - settings.Window)
                {
                    window.Dequeue();
                }
                if (window.Count >= settings.MaxPerWindow)
                {
                    await Task.Delay(window.Peek() + settings.Window - now, clock, cancellationToken);
                    window.Dequeue();
                }
                window.Enqueue(clock.GetUtcNow());
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Runs the outbox: each worker loop starts due campaigns, sends batches over its own connection, and pauses on outages.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, MailConnections connections, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
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
            catch (MailOutageException)
            {
                connection = null;
                wait = options.Value.OutagePause;
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
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException)
        {
            logger.LogWarning(exception, "SMTP server unreachable; the outbox pauses");
            throw new MailOutageException(exception);
        }
    }
}
