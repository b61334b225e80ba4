using System.Collections.Immutable;
using System.Text.Json;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Aposart.Web.Infrastructure.Settings;

/// <summary>The name under which one section of the settings is stored, and the type it is read as.</summary>
public sealed record SettingsSection<T>(string Name) where T : class;

/// <summary>
/// The settings the association changes from the browser, kept in the database (table settings_versions) and held in
/// memory: pages, PDFs and mails read them through the usual options (see SettingsSetup), so a change reaches them at
/// the next request without a restart. A save on this instance refreshes at once; another instance on the same database
/// picks the change up at its next poll.
/// </summary>
public sealed class PortalSettings(IServiceScopeFactory scopes, IOutputCacheStore pageCache, TimeProvider clock, ILogger<PortalSettings> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ImmutableDictionary<string, SettingsVersion> current = ImmutableDictionary<string, SettingsVersion>.Empty;
    private CancellationTokenSource changed = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>The id of the newest version known to this instance; 0 before the first load.</summary>
    public long Version { get; private set; }

    /// <summary>The section's value in force, or null while nobody has saved it (the configuration's defaults apply).</summary>
    public T? Get<T>(SettingsSection<T> section) where T : class =>
        current.TryGetValue(section.Name, out var row) ? JsonSerializer.Deserialize<T>(row.Value, Json) : null;

    /// <summary>Who saved the section's version in force, and when; null while nobody has.</summary>
    public SettingsVersion? LastChange<T>(SettingsSection<T> section) where T : class => current.GetValueOrDefault(section.Name);

    /// <summary>Fires once after the next change: the options system rebuilds the values that follow the settings.</summary>
    public IChangeToken Watch() => new CancellationChangeToken(changed.Token);

    /// <summary>Reads the latest version of every section. Before `migrate` has run the table is missing: the defaults apply.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
            List<SettingsVersion> latest;
            try
            {
                var newest = await db.SettingsVersions.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;
                if (newest == Version)
                {
                    return;
                }
                latest = await db.SettingsVersions.AsNoTracking()
                    .Where(s => s.Id == db.SettingsVersions.Where(o => o.Section == s.Section).Max(o => o.Id))
                    .ToListAsync(cancellationToken);
                Version = newest;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                logger.LogWarning("The settings table does not exist yet (run `migrate`): the configuration's defaults apply");
                return;
            }
            current = latest.ToImmutableDictionary(s => s.Section, StringComparer.Ordinal);
            var previous = Interlocked.Exchange(ref changed, new CancellationTokenSource());
            await previous.CancelAsync();
            previous.Dispose();
        }
        finally
        {
            refreshing.Release();
        }
        // The public pages were rendered with the old values.
        await pageCache.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
    }

    /// <summary>Stores a new version of a section, in force from now on, with who saved it.</summary>
    public async Task SaveAsync<T>(AposartDbContext db, SettingsSection<T> section, T value, Guid? byUserId, string byName,
        CancellationToken cancellationToken = default) where T : class
    {
        db.SettingsVersions.Add(new SettingsVersion
        {
            Section = section.Name,
            Value = JsonSerializer.Serialize(value, Json),
            ChangedAt = clock.GetUtcNow(),
            ChangedById = byUserId,
            ChangedByName = byName,
        });
        await db.SaveChangesAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    public static async Task<List<SettingsVersion>> HistoryAsync(AposartDbContext db, IEnumerable<string> sections, int take, CancellationToken cancellationToken = default)
    {
        var names = sections.ToList();
        return await db.SettingsVersions.AsNoTracking().Where(s => names.Contains(s.Section))
            .OrderByDescending(s => s.Id).Take(take).ToListAsync(cancellationToken);
    }
}

/// <summary>Lets the options of type <typeparamref name="TOptions"/> follow a section of the settings.</summary>
public sealed class FollowSettings<TOptions>(PortalSettings settings, Action<PortalSettings, TOptions> apply)
    : IPostConfigureOptions<TOptions>, IOptionsChangeTokenSource<TOptions> where TOptions : class
{
    public string Name => Options.DefaultName;

    public void PostConfigure(string? name, TOptions options)
    {
        if (name == Options.DefaultName)
        {
            apply(settings, options);
        }
    }

    public IChangeToken GetChangeToken() => settings.Watch();
}

/// <summary>
/// IOptions&lt;T&gt; normally computes its value once for the life of the process; for options that follow the settings it
/// gives the monitor's current value instead, so that no class can keep reading what was in force at start-up.
/// </summary>
public sealed class CurrentOptions<TOptions>(IOptionsMonitor<TOptions> monitor) : IOptions<TOptions> where TOptions : class
{
    public TOptions Value => monitor.CurrentValue;
}

/// <summary>
/// Another instance on the same database may have saved settings: look every few seconds (one indexed MAX query).
/// </summary>
public sealed class SettingsPoller(PortalSettings settings, IConfiguration configuration, ILogger<SettingsPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Settings:PollSeconds", 15);
        if (seconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await settings.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(exception, "The settings could not be read; the values in force stay until the next try");
            }
        }
    }
}
