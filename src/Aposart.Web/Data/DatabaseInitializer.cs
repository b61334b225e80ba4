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
    IOptions<MembershipOptions> membership,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAndSeedAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await SeedRolesAsync();
        await SeedTerritoryAsync(cancellationToken);
        await SeedMembershipReferenceAsync(cancellationToken);
    }

    /// <summary>
    /// Collèges when the association has not set them yet; with SeedExamples (demo, tests) also example statutes and
    /// this year's and next year's fees.
    /// </summary>
    private async Task SeedMembershipReferenceAsync(CancellationToken cancellationToken)
    {
        var options = membership.Value;
        if (!await db.Colleges.AnyAsync(cancellationToken))
        {
            db.Colleges.AddRange(options.Colleges.Select((name, index) => new College { Name = name, SortOrder = index + 1 }));
        }
        if (!options.SeedExamples)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        if (!await db.StatutesVersions.AnyAsync(cancellationToken))
        {
            var path = Path.GetFullPath(options.StatutesFile, AppContext.BaseDirectory);
            db.StatutesVersions.Add(new StatutesVersion
            {
                Label = options.StatutesLabel,
                Text = await File.ReadAllTextAsync(path, cancellationToken),
                AdoptedOn = options.StatutesAdoptedOn,
            });
        }
        var year = clock.GetUtcNow().Year;
        foreach (var y in new[] { year, year + 1 })
        {
            foreach (var (category, amount) in new[] { (FeeCategory.Individual, options.IndividualFee), (FeeCategory.Structure, options.StructureFee) })
            {
                if (await db.MembershipFees.FindAsync([y, category], cancellationToken) is null)
                {
                    db.MembershipFees.Add(new MembershipFee { Year = y, Category = category, Amount = amount });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
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
