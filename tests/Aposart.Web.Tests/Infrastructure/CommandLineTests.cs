using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Npgsql;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>The production commands, run as an operator would: the real binary in a separate process.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private string database = "";

    public async Task InitializeAsync() => database = await TestDatabase.CreateEmptyAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(database);

    [Fact]
    public async Task Migrate_then_create_admin_prepare_a_production_database_with_one_administrator()
    {
        var migrate = await RunAsync(["migrate"]);
        Assert.True(migrate.ExitCode == 0, migrate.Output);

        var admin = await RunAsync(["create-admin", "--email", "direction@exemple.fr"], "un grand cerisier au fond du jardin\n");
        Assert.True(admin.ExitCode == 0, admin.Output);
        Assert.Contains("Compte administrateur créé", admin.Output);

        var weak = await RunAsync(["create-admin", "--email", "autre@exemple.fr"], "azerty\n");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("au moins 12 caractères", weak.Output);

        var again = await RunAsync(["create-admin", "--email", "direction@exemple.fr"], "un grand cerisier au fond du jardin\n");
        Assert.NotEqual(0, again.ExitCode);

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id " +
            "WHERE r.name = @role AND u.email_confirmed", connection);
        command.Parameters.AddWithValue("role", Roles.Admin);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        await using var communes = new NpgsqlCommand("SELECT count(*), sum(population) FROM communes", connection);
        await using var reader = await communes.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(36L, reader.GetInt64(0));
        Assert.Equal(80722L, reader.GetInt64(1));
    }

    [Fact]
    public async Task Production_never_migrates_the_database_by_itself()
    {
        var run = await RunAsync(["create-admin", "--email", "x@exemple.fr"], "une phrase de passe correcte\n");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("does not exist", run.Output);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string[] args, string? input = null) => ProductionCommands.RunAsync(database, args, input);
}
