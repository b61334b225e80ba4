using Aposart.Web.Configuration;
using Aposart.Web.Data.Seeding;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Data;

/// <summary>Brings a database to the current schema and reference data; safe to run any number of times.</summary>
public sealed class DatabaseInitializer(
    AposartDbContext db,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<CptsOptions> cpts,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAndSeedAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await SeedRolesAsync();
        await SeedTerritoryAsync(cancellationToken);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    private async Task SeedTerritoryAsync(CancellationToken cancellationToken)
    {
        // The build copies the file beside the binaries, so the same relative path works for run, publish and tests.
        var path = Path.GetFullPath(cpts.Value.TerritoryFile, AppContext.BaseDirectory);
        var territory = await TerritoryFile.LoadAsync(path, cancellationToken);
        var existing = await db.Communes.ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        foreach (var commune in territory.Communes)
        {
            if (!existing.Remove(commune.InseeCode, out var row))
            {
                row = new Commune { InseeCode = commune.InseeCode, Name = commune.Name };
                db.Communes.Add(row);
            }
            row.Name = commune.Name;
            row.Postcodes = [.. commune.Postcodes];
            row.Population = commune.Population;
        }
        db.Communes.RemoveRange(existing.Values);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Territory: {Count} communes, {Population} inhabitants", territory.Communes.Count, territory.Population);
    }
}
