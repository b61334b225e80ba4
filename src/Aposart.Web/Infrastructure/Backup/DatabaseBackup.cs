using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Aposart.Web.Infrastructure.Backup;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the nightly backup writes (deploy/ sets /var/backups/aposart).</summary>
    public string Directory { get; set; } = "";

    /// <summary>Optional command run after each backup to copy it elsewhere; {file} is replaced by the dump's path (rsync, rclone, aws s3 cp…).</summary>
    public string CopyCommand { get; set; } = "";
}

/// <summary>
/// The database holds everything, uploaded documents included: a dump of it (pg_dump's custom format) is the whole
/// backup. Each dump has a manifest beside it; each one taken is recorded so the health page can say when the last was.
/// </summary>
public sealed class DatabaseBackup(AposartDbContext db, PortalSettings settings, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<BackupOptions> options, ILogger<DatabaseBackup> logger)
{
    public static readonly SettingsSection<BackupRecord> LastBackup = new("backup-done");

    public static string AppVersion =>
        typeof(DatabaseBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    /// <summary>Dumps the database into <paramref name="output"/> and writes its manifest.</summary>
    public async Task<BackupManifest> BackupAsync(string output, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(output);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var rows = await CountRowsAsync(cancellationToken);
        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "";
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-acl", "--file", target], Connection(), cancellationToken);
        var manifest = new BackupManifest
        {
            AppVersion = AppVersion,
            Migration = migration,
            CreatedAt = clock.GetUtcNow(),
            Bytes = new FileInfo(target).Length,
            Sha256 = await HashAsync(target, cancellationToken),
            Rows = rows,
        };
        await manifest.WriteAsync(target, cancellationToken);
        await settings.SaveAsync(db, LastBackup, new BackupRecord(manifest.CreatedAt, target, manifest.Bytes), null, "Sauvegarde", cancellationToken);
        return manifest;
    }

    /// <summary>The nightly run: a dated dump in the folder, the old ones pruned, the copy elsewhere if one is configured.</summary>
    public async Task<(string File, int Deleted)> BackupToFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var file = Path.Combine(Path.GetFullPath(folder), $"aposart-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.dump");
        await BackupAsync(file, cancellationToken);
        var dumps = System.IO.Directory.GetFiles(Path.GetDirectoryName(file)!, "aposart-*.dump")
            .Select(path => (Path: path, At: DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path)["aposart-".Length..], "yyyyMMdd-HHmmss",
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? new DateTimeOffset(at) : (DateTimeOffset?)null))
            .Where(d => d.At is not null)
            .Select(d => (d.Path, At: d.At!.Value))
            .ToList();
        var keep = BackupRetention.Keep(dumps, now);
        var deleted = 0;
        foreach (var old in dumps.Where(d => !keep.Contains(d.Path)))
        {
            File.Delete(old.Path);
            File.Delete(BackupManifest.PathFor(old.Path));
            deleted++;
        }
        if (options.Value.CopyCommand.Length > 0)
        {
            var command = options.Value.CopyCommand.Replace("{file}", Quote(file), StringComparison.Ordinal);
            await RunAsync("/bin/sh", ["-c", command + " && " + options.Value.CopyCommand.Replace("{file}", Quote(BackupManifest.PathFor(file)), StringComparison.Ordinal)], null, cancellationToken);
        }
        return (file, deleted);
    }

    /// <summary>
    /// Restores a dump into the database of the connection string, creating it when it does not exist. Refuses a dump
    /// whose schema this version of the portal does not know, or whose content no longer matches its manifest.
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string input, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(input);
        if (!File.Exists(source))
        {
            return RestoreOutcome.Refused($"Fichier introuvable : {source}");
        }
        var manifest = await BackupManifest.ReadAsync(source, cancellationToken);
        if (manifest is null)
        {
            return RestoreOutcome.Refused($"Le manifeste {BackupManifest.PathFor(source)} manque : il dit de quelle version vient la sauvegarde.");
        }
        if (await HashAsync(source, cancellationToken) != manifest.Sha256)
        {
            return RestoreOutcome.Refused("Le fichier ne correspond pas à son manifeste (copie incomplète ou altérée) : rien n'a été restauré.");
        }
        if (manifest.Migration.Length > 0 && !db.Database.GetMigrations().Contains(manifest.Migration))
        {
            return RestoreOutcome.Refused($"Cette sauvegarde vient d'une version plus récente du portail (schéma {manifest.Migration}, version {manifest.AppVersion}) : installez d'abord cette version, puis restaurez.");
        }
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", "--dbname", Connection().Database!, source], Connection(), cancellationToken);
        var rows = await CountRowsAsync(cancellationToken);
        var different = manifest.Rows.Where(t => rows.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => $"{t.Key} ({t.Value} → {rows.GetValueOrDefault(t.Key, -1)})").ToList();
        await settings.RefreshAsync(cancellationToken);
        return different.Count == 0
            ? RestoreOutcome.Done(manifest, rows.Values.Sum())
            : RestoreOutcome.Refused($"Restauré, mais ces tables n'ont pas le nombre de lignes attendu : {string.Join(", ", different)}");
    }

    /// <summary>Exact row counts of every table of the portal's schema.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken = default)
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            // The name comes from the catalogue, quoted as an identifier: nothing typed by anyone reaches this text.
            var sql = "SELECT count(*) AS \"Value\" FROM \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
        }
        return counts;
    }

    private NpgsqlConnectionStringBuilder Connection() => new(db.Database.GetConnectionString());

    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var target = Connection();
        var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Database {Database} created for the restore", target.Database);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Runs a PostgreSQL client tool with the connection's credentials in its environment, never on its command line.</summary>
    private static async Task RunAsync(string tool, string[] args, NpgsqlConnectionStringBuilder? connection, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        if (connection is not null)
        {
            info.Environment["PGHOST"] = connection.Host;
            info.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
            info.Environment["PGUSER"] = connection.Username;
            info.Environment["PGPASSWORD"] = connection.Password;
            info.Environment["PGDATABASE"] = connection.Database;
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new BackupException($"{tool} est introuvable : installez le client PostgreSQL (paquet Debian postgresql-client).", exception);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} a échoué (code {process.ExitCode}) : {(await error).Trim()} {(await output).Trim()}".Trim());
            }
        }
    }
}

public sealed record BackupRecord(DateTimeOffset At, string File, long Bytes);

public sealed record RestoreOutcome(bool Succeeded, string Message, BackupManifest? Manifest)
{
    public static RestoreOutcome Refused(string message) => new(false, message, null);

    public static RestoreOutcome Done(BackupManifest manifest, long rows) =>
        new(true, $"Sauvegarde du {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC restaurée : {rows} lignes, {manifest.Rows.Count} tables, toutes au compte attendu.", manifest);
}

public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
