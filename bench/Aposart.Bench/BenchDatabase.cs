using Npgsql;

/// <summary>
/// The benchmarks' databases on the test server. Creating and dropping goes through the "postgres" database: without a
/// database name Npgsql would use the role's name, and an "aposart" database exists only where run.sh has been run.
/// </summary>
internal static class BenchDatabase
{
    private static readonly string Server =
        Environment.GetEnvironmentVariable("APOSART_TEST_DB") ?? "Host=127.0.0.1;Port=5432;Username=aposart;Password=aposart";

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    public static async Task CreateAsync(string database)
    {
        await DropAsync(database);
        await ExecuteAsync($"CREATE DATABASE {database}");
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    // The names are the benchmarks' own constants: nothing from outside reaches this SQL.
    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await new NpgsqlCommand(sql, admin).ExecuteNonQueryAsync();
    }
}
