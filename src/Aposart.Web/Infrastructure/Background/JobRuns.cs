using System.Collections.Concurrent;

namespace Aposart.Web.Infrastructure.Background;

/// <summary>
/// The last run of each background job of this instance, and whether the outbox is pausing, for the health page.
/// Kept in memory: after a restart the page says "not run yet" until each job has run once.
/// </summary>
public sealed class JobRuns(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, JobRun> runs = new();
    private volatile OutboxPause? pause;

    public IReadOnlyList<JobRun> All => [.. runs.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    public void Record(string name, DateTimeOffset startedAt, string outcome, bool succeeded) =>
        runs[name] = new JobRun(name, startedAt, clock.GetUtcNow() - startedAt, outcome, succeeded);

    /// <summary>The outbox stopped sending for <paramref name="wait"/> (server unreachable, or refusing the account).</summary>
    public void OutboxPaused(TimeSpan wait, string reason) => pause = new OutboxPause(clock.GetUtcNow() + wait, reason);

    public void OutboxResumed() => pause = null;

    public OutboxPause? CurrentOutboxPause => pause is { } known && known.Until > clock.GetUtcNow() ? known : null;
}

public sealed record JobRun(string Name, DateTimeOffset StartedAt, TimeSpan Duration, string Outcome, bool Succeeded);

public sealed record OutboxPause(DateTimeOffset Until, string Reason);
