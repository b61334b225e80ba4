using System.Text.Json;
using System.Text.Json.Nodes;
using Aposart.Web.Infrastructure.Backup;
using Aposart.Web.Tests.Security;
using Aposart.Web.Tests.Support;
using Npgsql;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>
/// backup and restore as an operator runs them: the Production binary in its own process, pg_dump and pg_restore of
/// the machine, on the demo database (every feature's tables filled, uploaded documents included).
/// </summary>
public sealed class BackupTests(DemoPortal portal) : IClassFixture<DemoPortal>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aposart-backup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_backup_restored_after_the_database_is_dropped_gives_back_every_row_and_every_document()
    {
        var directory = await portal.NewBrowser().GetAsync("/annuaire");
        Assert.Equal(System.Net.HttpStatusCode.OK, directory.Status);
        var before = await SnapshotAsync(portal.DatabaseName);
        Assert.True(before.Rows["document_versions"] > 0 && before.Rows["users"] > 0, "the demo data fills the documents and the accounts");
        var dump = Path.Combine(folder, "portail.dump");

        var backup = await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--output", dump]);
        Assert.True(backup.ExitCode == 0, backup.Output);
        await TestDatabase.DropAsync(portal.DatabaseName);
        var restore = await ProductionCommands.RunAsync(portal.DatabaseName, ["restore", "--input", dump, "--yes"]);

        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains("toutes au compte attendu", restore.Output);
        var after = await SnapshotAsync(portal.DatabaseName);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Documents, after.Documents);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(dump + ".json"))!;
        Assert.StartsWith("2", manifest["migration"]!.GetValue<string>());
        // The portal that was running on the dropped database serves it again, with its content.
        var again = await portal.NewBrowser().GetAsync("/annuaire");
        Assert.Equal(directory.Text, again.Text);
    }

    [Fact]
    public async Task A_backup_from_a_newer_version_of_the_portal_is_refused_and_nothing_is_touched()
    {
        var dump = Path.Combine(folder, "future.dump");
        Assert.Equal(0, (await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--output", dump])).ExitCode);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(dump + ".json"))!;
        manifest["migration"] = "29990101000000_FromTheFuture";
        await File.WriteAllTextAsync(dump + ".json", manifest.ToJsonString());
        var target = $"restore_{Guid.NewGuid():N}";

        var restore = await ProductionCommands.RunAsync(target, ["restore", "--input", dump, "--yes"]);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("version plus récente du portail", restore.Output);
        Assert.False(await ExistsAsync(target));
    }

    [Fact]
    public async Task A_damaged_backup_file_is_refused_before_anything_is_restored()
    {
        var dump = Path.Combine(folder, "damaged.dump");
        Assert.Equal(0, (await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--output", dump])).ExitCode);
        await using (var file = File.OpenWrite(dump))
        {
            file.SetLength(file.Length / 2);
        }
        var target = $"restore_{Guid.NewGuid():N}";

        var restore = await ProductionCommands.RunAsync(target, ["restore", "--input", dump, "--yes"]);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("ne correspond pas à son manifeste", restore.Output);
        Assert.False(await ExistsAsync(target));
    }

    [Fact]
    public async Task Restore_asks_for_confirmation_and_an_answer_other_than_restaurer_changes_nothing()
    {
        var dump = Path.Combine(folder, "asked.dump");
        Assert.Equal(0, (await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--output", dump])).ExitCode);
        var target = $"restore_{Guid.NewGuid():N}";

        var restore = await ProductionCommands.RunAsync(target, ["restore", "--input", dump], input: "oui\n");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("Tapez RESTAURER", restore.Output);
        Assert.Contains("annulée", restore.Output);
        Assert.False(await ExistsAsync(target));
    }

    [Fact]
    public async Task The_nightly_backup_writes_a_dated_file_into_its_folder_and_the_health_page_can_name_it()
    {
        var run = await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--dir", folder]);

        Assert.True(run.ExitCode == 0, run.Output);
        var dump = Assert.Single(Directory.GetFiles(folder, "aposart-*.dump"));
        Assert.True(File.Exists(dump + ".json"));
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(portal.DatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM settings_versions WHERE section = 'backup-done' ORDER BY id DESC LIMIT 1", connection);
        var record = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement;
        Assert.Equal(dump, record.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(dump).Length, record.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task The_copy_command_sends_each_nightly_backup_and_its_manifest_to_a_second_place()
    {
        var elsewhere = Directory.CreateTempSubdirectory("aposart-elsewhere-").FullName;
        try
        {
            var run = await ProductionCommands.RunAsync(portal.DatabaseName, ["backup", "--dir", Path.Combine(folder, "nightly")],
                environment: new Dictionary<string, string> { ["Backup__CopyCommand"] = $"cp {{file}} '{elsewhere}/'" });

            Assert.True(run.ExitCode == 0, run.Output);
            var dump = Assert.Single(Directory.GetFiles(Path.Combine(folder, "nightly"), "*.dump"));
            var copy = Path.Combine(elsewhere, Path.GetFileName(dump));
            Assert.Equal(await File.ReadAllBytesAsync(dump), await File.ReadAllBytesAsync(copy));
            Assert.True(File.Exists(copy + ".json"));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void Retention_keeps_seven_days_four_weeks_and_twelve_months()
    {
        var now = new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);
        // Two backups a day for two years.
        var dumps = Enumerable.Range(0, 730 * 2).Select(i => ($"d{i}", now.AddHours(-12 * i))).ToList();

        var keep = BackupRetention.Keep(dumps, now);

        var kept = dumps.Where(d => keep.Contains(d.Item1)).Select(d => d.Item2).ToList();
        Assert.Contains(now, kept);
        Assert.Equal(7, kept.Count(at => at > now.AddDays(-7)));
        Assert.All(kept, at => Assert.True(at > now.AddDays(-366)));
        Assert.InRange(kept.Count, 12, 7 + 4 + 12);
        // The newest of each of the twelve months that end with this one: the oldest is the end of January.
        Assert.Equal(12, kept.Select(at => (at.Year, at.Month)).Distinct().Count());
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 14, 30, 0, TimeSpan.Zero), kept.Min());
    }

    private static async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    private sealed record Snapshot(SortedDictionary<string, long> Rows, string Documents);

    private static async Task<Snapshot> SnapshotAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            rows[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        await using var documents = new NpgsqlCommand(
            "SELECT coalesce(md5(string_agg(md5(content), '' ORDER BY id)), '') FROM document_versions", connection);
        return new Snapshot(rows, (string)(await documents.ExecuteScalarAsync())!);
    }
}
