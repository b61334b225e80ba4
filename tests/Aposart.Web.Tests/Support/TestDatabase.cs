using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Aposart.Web.Tests.Support;

/// <summary>
/// Real PostgreSQL. The schema is migrated once per run into a template database by the app's own start-up
/// path; each test class then gets its own copy (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
/// </summary>
public static class TestDatabase
{
    private const string Prefix = "aposart_webtests_";
    // The process id in every name: two runs at once (a filtered run beside a full one) each clean up only what is theirs or a dead run's.
    private static readonly string RunPrefix = $"{Prefix}{Environment.ProcessId}_";
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>Server credentials; test.sh sets APOSART_TEST_DB when the server is elsewhere.</summary>
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("APOSART_TEST_DB") ?? "Host=127.0.0.1;Port=5432;Username=aposart;Password=aposart";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        var template = await Template.Value;
        var name = RunPrefix + Guid.NewGuid().ToString("N")[..16];
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        }
        finally
        {
            CloneLock.Release();
        }
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                return;
            }
            // An autovacuum worker on the fresh database belongs to another role and cannot be terminated by ours: it ends in a moment.
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    public static async Task<string> CreateEmptyAsync()
    {
        var name = RunPrefix + "empty_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        // Databases left by a run that was killed before it could clean up.
        await using (var connection = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync();
            var stale = new List<string>();
            await using (var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", connection))
            {
                command.Parameters.AddWithValue("prefix", Prefix + "%");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    stale.Add(reader.GetString(0));
                }
            }
            foreach (var name in stale.Where(IsFromDeadRun))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        var template = RunPrefix + "template";
        await ExecuteAsync($"CREATE DATABASE {template}");
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", ConnectionStringFor(template));
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Demo:Seed", "false");
            // The tests' adhesions need statutes and fees: the examples a real CPTS does not get.
            builder.UseSetting("Membership:SeedExamples", "true");
            builder.UseSetting("BackgroundJobs:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        }))
        {
            using var client = factory.CreateClient();
        }
        NpgsqlConnection.ClearAllPools();
        return template;
    }

    /// <summary>A database of a run whose process has ended (or of an older naming): safe to drop.</summary>
    private static bool IsFromDeadRun(string database)
    {
        var rest = database[Prefix.Length..];
        var cut = rest.IndexOf('_', StringComparison.Ordinal);
        if (cut <= 0 || !int.TryParse(rest[..cut], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
