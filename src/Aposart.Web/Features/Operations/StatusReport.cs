using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Backup;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Operations;

public sealed record DiskSpace(string Label, string Path, long FreeBytes, long TotalBytes)
{
    /// <summary>Under a tenth of the disk free, or under one gigabyte: time to act.</summary>
    public bool Low => FreeBytes < TotalBytes / 10 || FreeBytes < 1L << 30;
}

public sealed record FailedMail(string Answer, int Count);

public sealed record StatusPage(
    string Version,
    string Migration,
    int PendingMigrations,
    long DatabaseBytes,
    int OutboxPending,
    int OutboxFailedLastDay,
    IReadOnlyList<FailedMail> FailureAnswers,
    OutboxPause? OutboxPause,
    IReadOnlyList<JobRun> Jobs,
    BackupRecord? LastBackup,
    bool BackupOverdue,
    IReadOnlyList<DiskSpace> Disks,
    DkimSettings? DkimKey,
    string MailDomain,
    IReadOnlyList<DnsRecordAdvice> DnsRecords,
    DkimKeyInput DkimInput);

/// <summary>Everything the health page shows, read from the database, this instance's jobs and the disk.</summary>
public sealed class StatusReport(AposartDbContext db, PortalSettings settings, JobRuns runs, DkimSigning dkim, MailDns dns,
    TimeProvider clock, IWebHostEnvironment environment, IOptions<BackupOptions> backups)
{
    public static readonly TimeSpan BackupDeadline = TimeSpan.FromHours(48);

    public async Task<StatusPage> BuildAsync(CancellationToken cancellationToken, DkimKeyInput? dkimInput = null)
    {
        var now = clock.GetUtcNow();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
        var dayAgo = now.AddDays(-1);
        var outboxPending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        // A row given up keeps the time of its last attempt in NextAttemptAt.
        var failed = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed && m.NextAttemptAt >= dayAgo)
            .GroupBy(m => m.LastError)
            .Select(g => new { Answer = g.Key, Count = g.Count() })
            .OrderByDescending(f => f.Count).Take(10)
            .ToListAsync(cancellationToken);
        var lastBackup = settings.Get(DatabaseBackup.LastBackup);
        var key = dkim.Current;
        using var dnsTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        dnsTimeout.CancelAfter(TimeSpan.FromSeconds(6));
        IReadOnlyList<DnsRecordAdvice> records;
        try
        {
            records = await dns.CheckAsync(dnsTimeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            records = [.. dns.Expected().Select(r => r with { Check = DnsCheck.Unreachable })];
        }
        return new StatusPage(
            DatabaseBackup.AppVersion,
            applied.LastOrDefault() ?? "aucune",
            pending,
            size,
            outboxPending,
            failed.Sum(f => f.Count),
            [.. failed.Select(f => new FailedMail(f.Answer ?? "", f.Count))],
            runs.CurrentOutboxPause,
            runs.All,
            lastBackup,
            lastBackup is null || now - lastBackup.At > BackupDeadline,
            Disks(),
            key,
            dns.Domain,
            records,
            dkimInput ?? new DkimKeyInput { Domain = key?.Domain ?? dkim.DefaultDomain, Selector = $"aposart{now.Year}" });
    }

    private List<DiskSpace> Disks()
    {
        var places = new List<(string Label, string Path)> { ("Application et journaux", environment.ContentRootPath) };
        if (backups.Value.Directory.Length > 0)
        {
            places.Add(("Sauvegardes", backups.Value.Directory));
        }
        var disks = new List<DiskSpace>();
        foreach (var (label, path) in places)
        {
            try
            {
                var drive = new DriveInfo(Path.GetFullPath(path));
                disks.Add(new DiskSpace(label, path, drive.AvailableFreeSpace, drive.TotalSize));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A folder not created yet (no backup so far): nothing to measure.
            }
        }
        return disks;
    }
}
