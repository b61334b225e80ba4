using Aposart.Web.Data;
using Aposart.Web.Data.Seeding;

namespace Aposart.Web.Configuration;

public static class StartupTasks
{
    /// <summary>Development migrates and seeds at start; Production only through the `migrate` command.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAndSeedAsync();
        var demo = app.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(demo.Password, demo.SasKey);
        }
    }

    /// <summary>The settings saved from the browser, read once before the first request; the poller keeps them current.</summary>
    public static async Task LoadSettingsAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<Infrastructure.Settings.PortalSettings>().RefreshAsync();
        }
        catch (Npgsql.NpgsqlException exception)
        {
            app.Logger.LogWarning(exception, "The settings could not be read at start-up; the configuration's defaults apply until the database answers");
        }
    }
}
