using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Support;

/// <summary>
/// The whole portal in memory, on its own PostgreSQL database and the real SMTP sink.
/// Used as a class fixture: each test class has its own database; tests inside a class use their own addresses.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "une phrase de passe assez longue";
    /// <summary>The one password of the demo accounts that <see cref="WithDemoData"/> seeds, as in scripts/run.sh.</summary>
    public const string DemoPassword = "Rambouillet-demo-2026";

    private readonly Dictionary<string, string?> settings = [];

    public string DatabaseName { get; private set; } = "";
    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);
    public SmtpSink Smtp { get; } = SmtpSink.Instance;
    public TestClock Clock { get; } = new();

    /// <summary>Settings that a test class needs to differ from the defaults below; call before the first client.</summary>
    public PortalFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>The demo data of scripts/run.sh, seeded at start-up, for tests that need pages full of content.</summary>
    public PortalFactory WithDemoData() =>
        With("Database:MigrateOnStartup", "true").With("Demo:Seed", "true").With("Demo:Password", DemoPassword);

    public virtual async Task InitializeAsync() => DatabaseName = await CreateDatabaseAsync();

    /// <summary>A clone of the migrated template; a portal that starts as an operator would starts from an empty one instead.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
        await StopCompanionsAsync();
    }

    /// <summary>Stops what a fixture started beside the portal (an identity provider).</summary>
    protected virtual Task StopCompanionsAsync() => Task.CompletedTask;

    protected virtual string DatabaseConnectionString => ConnectionString;

    /// <summary>Off for a portal started as a real CPTS starts: with no identity in its configuration.</summary>
    protected virtual bool DemoIdentity => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The build's compressed copies of the static files live under obj/ until publish puts them in wwwroot:
        // the build's manifest says where, as for Development (PublishedPortal tests the published layout).
        builder.UseStaticWebAssets();
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = DatabaseConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Cpts:PublicUrl"] = "http://localhost",
            ["Mail:Transport"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Smtp.Port.ToString(),
            ["Mail:SmtpSecurity"] = "None",
            ["RateLimits:AuthPermitLimit"] = "100000",
            // Expected failures (wrong passwords, cut database) would otherwise flood the test output.
            ["Serilog:MinimumLevel:Default"] = "Fatal",
            // Tests run the background jobs themselves, at the instant they set.
            ["BackgroundJobs:Enabled"] = "false",
            // The outbox delivers the portal's notices as in production, polling often; mailer tests use QuietOutboxPortal.
            ["Outbox:Poll"] = "00:00:00.100",
            ["Outbox:OutagePause"] = "00:00:01",
            // Test accounts are given staff roles without a second factor; the tests of that rule turn it back on.
            ["Security:RequireTwoFactorForStaff"] = "false",
        };
        if (DemoIdentity)
        {
            // What appsettings.Development.json gives the demo; most tests check pages and mails against it.
            defaults["Cpts:Name"] = "CPTS Sud Yvelines";
            defaults["Cpts:ShortName"] = "APOSART";
            defaults["Cpts:TerritoryName"] = "Sud Yvelines";
            defaults["Cpts:Email"] = "contact@demo.aposart.fr";
            defaults["Mail:FromAddress"] = "ne-pas-repondre@demo.aposart.fr";
            defaults["Mail:FromName"] = "CPTS Sud Yvelines";
        }
        foreach (var (key, value) in defaults.Concat(settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    public static string NewEmail(string hint = "ps") => $"{hint}-{Guid.NewGuid():N}@exemple.fr";

    /// <summary>A confirmed account with the given roles, made through Identity as the app would.</summary>
    public async Task<AppUser> CreateUserAsync(string email, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Claire", LastName = "Testeuse" };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles.Length > 0 ? roles : [Roles.Professional]);
        return user;
    }

    public async Task<T> WithDbAsync<T>(Func<AposartDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AposartDbContext>());
    }

    /// <summary>A browser signed in as this existing account (created with <see cref="Password"/>).</summary>
    public async Task<Browser> SignedInAsync(AppUser user)
    {
        var browser = NewBrowser();
        Assert.True((await browser.LogInAsync(user.Email!, Password)).IsSignedIn, "Login failed: " + user.Email);
        return browser;
    }

    /// <summary>A browser signed in as a new confirmed account with these roles.</summary>
    public async Task<(Browser Browser, AppUser User)> SignedInAsync(params string[] roles)
    {
        var user = await CreateUserAsync(NewEmail(), roles);
        var browser = NewBrowser();
        var page = await browser.LogInAsync(user.Email!, Password);
        Assert.True(page.IsSignedIn, "Login failed: " + page.Text);
        return (browser, user);
    }
}

/// <summary>A portal whose outbox workers stay off, for tests that drive the mailer themselves.</summary>
public sealed class QuietOutboxPortal : PortalFactory
{
    public QuietOutboxPortal() => With("Outbox:Enabled", "false");
}
