using System.Text.Json;

namespace Aposart.Web.Infrastructure.Backup;

/// <summary>
/// Written beside each dump as &lt;dump&gt;.json: what a restore checks before it touches anything (the schema level,
/// the file's integrity) and after (every table's row count).
/// </summary>
public sealed record BackupManifest
{
    public int Format { get; init; } = 1;
    public string AppVersion { get; init; } = "";
    /// <summary>The last migration applied to the database that was saved: a portal that does not know it is older.</summary>
    public string Migration { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public long Bytes { get; init; }
    public string Sha256 { get; init; } = "";
    public Dictionary<string, long> Rows { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathFor(string dump) => dump + ".json";

    public async Task WriteAsync(string dump, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(PathFor(dump), JsonSerializer.Serialize(this, Json), cancellationToken);

    public static async Task<BackupManifest?> ReadAsync(string dump, CancellationToken cancellationToken) =>
        File.Exists(PathFor(dump))
            ? JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(PathFor(dump), cancellationToken), Json)
            : null;
}

/// <summary>
/// Which dumps of a backup folder to keep: the newest of each of the last 7 days, of the last 4 weeks and of the last
/// 12 months. Everything else is deleted after a successful backup.
/// </summary>
public static class BackupRetention
{
    public static IReadOnlySet<string> Keep(IEnumerable<(string Path, DateTimeOffset At)> dumps, DateTimeOffset now)
    {
        var ordered = dumps.OrderByDescending(d => d.At).ToList();
        var keep = new HashSet<string>();
        void NewestPer<TKey>(Func<DateTimeOffset, TKey> period, int count, TimeSpan reach) where TKey : notnull
        {
            foreach (var newest in ordered.Where(d => d.At > now - reach).GroupBy(d => period(d.At)).Take(count).Select(g => g.First()))
            {
                keep.Add(newest.Path);
            }
        }
        NewestPer(at => at.Date, 7, TimeSpan.FromDays(7));
        NewestPer(at => (System.Globalization.ISOWeek.GetYear(at.DateTime), System.Globalization.ISOWeek.GetWeekOfYear(at.DateTime)), 4, TimeSpan.FromDays(28));
        NewestPer(at => (at.Year, at.Month), 12, TimeSpan.FromDays(366));
        return keep;
    }
}
