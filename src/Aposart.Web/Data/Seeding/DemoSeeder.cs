using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
    /// <summary>The one password of every demo account; the run script prints it.</summary>
    public string Password { get; set; } = "Rambouillet-demo-2026";
    /// <summary>The demo's key for the SAS interface (/fhir/Slot); the run script prints it beside the password.</summary>
    public string SasKey { get; set; } = "";
}

/// <summary>Fictional accounts for trying the portal in Development; Production seeds no account.</summary>
public sealed class DemoSeeder(UserManager<AppUser> users, DemoDirectorySeeder directory, DemoFichesSeeder fiches, DemoTrainingsSeeder trainings,
    DemoLettersSeeder letters, DemoCompensationSeeder compensation, DemoSnpSeeder snp, DemoVaccinationSeeder vaccination, DemoNewsSeeder news, DemoDocumentsSeeder documents, DemoMeetingsSeeder meetings,
    AposartDbContext db, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string[] Roles)> Accounts =
    [
        ("admin@demo.aposart.fr", "Alice", "Admin", [Roles.Professional, Roles.Admin]),
        ("coordination@demo.aposart.fr", "Camille", "Coordination", [Roles.Professional, Roles.Coordinator]),
        ("bureau@demo.aposart.fr", "Bastien", "Bureau", [Roles.Professional, Roles.Member, Roles.Board]),
        // A quarterly letter needs two bureau approvals besides its author's: a second bureau member to try it with.
        ("bureau2@demo.aposart.fr", "Béatrice", "Bureau", [Roles.Professional, Roles.Member, Roles.Board]),
        ("membre@demo.aposart.fr", "Maëlle", "Membre", [Roles.Professional, Roles.Member]),
        // A general practitioner who publishes same-day slots, and a regulator who gives them.
        ("medecin@demo.aposart.fr", "Mathis", "Médecin", [Roles.Professional, Roles.Member]),
        ("regulation@demo.aposart.fr", "Rachel", "Régulation", [Roles.Professional, Roles.Regulator]),
    ];

    /// <summary>Seeds the demo accounts and data once; later runs add only what is missing.</summary>
    /// <param name="password">Every demo account's password.</param>
    /// <param name="sasKey">The demo's SAS key, or empty for none.</param>
    public async Task SeedAsync(string password, string sasKey = "")
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (email, firstName, lastName, roles) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                ids[email] = existing.Id;
                continue;
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = firstName, LastName = lastName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRolesAsync(user, roles);
            ids[email] = user.Id;
            logger.LogInformation("Demo account {Email} created", email);
        }
        await SeedBureauAsync(ids);
        await directory.SeedAsync(ids);
        await fiches.SeedAsync(ids);
        await trainings.SeedAsync(ids);
        await letters.SeedAsync(ids);
        await compensation.SeedAsync();
        await snp.SeedAsync();
        await SeedSasKeyAsync(sasKey);
        await vaccination.SeedAsync();
        await news.SeedAsync();
        await documents.SeedAsync();
        await meetings.SeedAsync(ids);
    }

    /// <summary>The demo bureau's two seats: a president who agreed to be named, a treasurer who did not.</summary>
    /// <summary>The key printed by run.sh, so that the SAS interface can be tried at once (curl -H "X-Api-Key: …" …/fhir/Slot?…).</summary>
    private async Task SeedSasKeyAsync(string secret)
    {
        if (secret.Length < 8 || await db.SasKeys.AnyAsync())
        {
            return;
        }
        db.SasKeys.Add(new SasKey { Name = "Clé de démonstration", Hash = SasKey.HashOf(secret), Hint = secret[^4..], CreatedAt = clock.GetUtcNow(), CreatedByName = "démonstration" });
        await db.SaveChangesAsync();
    }

    private async Task SeedBureauAsync(Dictionary<string, Guid> ids)
    {
        if (await db.BureauMandates.AnyAsync())
        {
            return;
        }
        var year = clock.GetUtcNow().Year;
        db.BureauMandates.AddRange(
            new BureauMandate
            {
                Id = Guid.CreateVersion7(), UserId = ids["bureau@demo.aposart.fr"], Title = BureauTitle.President, StartsOn = new DateOnly(year - 1, 6, 15),
                EndsOn = new DateOnly(year + 2, 6, 14), PublicConsent = true, CreatedAt = clock.GetUtcNow(), CreatedByName = "Démonstration",
            },
            new BureauMandate
            {
                Id = Guid.CreateVersion7(), UserId = ids["bureau2@demo.aposart.fr"], Title = BureauTitle.Treasurer, StartsOn = new DateOnly(year - 1, 6, 15),
                EndsOn = new DateOnly(year + 2, 6, 14), CreatedAt = clock.GetUtcNow(), CreatedByName = "Démonstration",
            });
        await db.SaveChangesAsync();
    }
}
