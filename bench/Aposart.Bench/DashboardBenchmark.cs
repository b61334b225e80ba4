using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>
/// Seeds the demo data, multiplies the directory and everything hanging from it thirty times, then times the dashboard
/// against a trivial page (the sign-in form, through the same pipeline and layout) over repeated requests.
/// </summary>
internal static partial class DashboardBenchmark
{
    public static async Task RunAsync(int factor, int requests)
    {
        var database = $"aposart_bench_{Guid.NewGuid():N}";
        await BenchDatabase.CreateAsync(database);
        var connectionString = BenchDatabase.ConnectionString(database);
        try
        {
            await using var app = new DashboardPortal(connectionString);
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
                await MultiplyAsync(db, factor);
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = "banc@bench.invalid", Email = "banc@bench.invalid", EmailConfirmed = true, FirstName = "Banc", LastName = "Essai" };
                await users.CreateAsync(user, "une phrase de passe assez longue");
                await users.AddToRolesAsync(user, [Roles.Professional, Roles.Coordinator]);
                Console.WriteLine($"data                     {await db.Professionals.CountAsync()} professionals, {await db.PracticeSites.CountAsync()} practice sites, "
                    + $"{await db.Memberships.CountAsync()} memberships, {await db.CompensationEntries.CountAsync()} compensation entries, "
                    + $"{await db.OutboxMessages.CountAsync()} outbox rows ({factor} x the demo data)");
            }
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var login = await client.GetStringAsync("/compte/connexion");
            var token = Token().Match(login).Groups[1].Value;
            var signedIn = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "banc@bench.invalid", ["Password"] = "une phrase de passe assez longue", ["__RequestVerificationToken"] = token,
            }));
            if ((int)signedIn.StatusCode != 302)
            {
                throw new InvalidOperationException($"Sign-in failed: {signedIn.StatusCode}");
            }

            var trivial = await TimeAsync(client, "/compte/connexion", requests);
            var dashboard = await TimeAsync(client, "/gestion/tableau-de-bord", requests);
            var aci = await TimeAsync(client, "/gestion/aci", requests);
            Console.WriteLine($"requests                 {requests} of each after 3 warm-up requests, one after the other, in process (no network)");
            Print("trivial page (sign-in)", trivial);
            Print("dashboard", dashboard);
            Print("ACI estimate", aci);
            Console.WriteLine($"dashboard / trivial      {Median(dashboard) / Median(trivial):0.0} x (median)");
            Console.WriteLine($"target                   dashboard p95 under 200 ms: {(Percentile(dashboard, 0.95) < 200 ? "met" : "NOT met")}");
        }
        finally
        {
            await BenchDatabase.DropAsync(database);
        }
    }

    /// <summary>
    /// For bench/load.sh: a database of its own with the demo data times <paramref name="factor"/>, left in place for the
    /// app to be started on in Production mode; the script drops it at the end.
    /// </summary>
    public static async Task PrepareLoadDataAsync(string database, int factor)
    {
        await BenchDatabase.CreateAsync(database);
        var connectionString = BenchDatabase.ConnectionString(database);
        await using var app = new DashboardPortal(connectionString);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
        await MultiplyAsync(db, factor);
        Console.WriteLine($"data                     {await db.Professionals.CountAsync()} professionals, {await db.Trainings.CountAsync()} trainings, "
            + $"{await db.Articles.CountAsync()} articles ({factor} x the demo data)");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Copies the directory (with sites, memberships, compensation and mail) factor - 1 times, in SQL, under new ids.</summary>
    private static async Task MultiplyAsync(AposartDbContext db, int factor)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var copies = factor - 1;
        // The factor is an int of ours: nothing from outside reaches this SQL.
        var sql = $"""
            CREATE TEMP TABLE copy_map AS
                SELECT p.id AS old_id, gen_random_uuid() AS new_id, k FROM professionals p, generate_series(1, {copies}) AS k;
            INSERT INTO professionals
                SELECT (jsonb_populate_record(NULL::professionals, to_jsonb(p) || jsonb_build_object('id', m.new_id, 'user_id', NULL, 'rpps', NULL, 'adeli', NULL,
                    'email', CASE WHEN p.email IS NULL THEN NULL ELSE m.k || '.' || p.email END))).*
                FROM professionals p JOIN copy_map m ON m.old_id = p.id;
            INSERT INTO practice_sites
                SELECT (jsonb_populate_record(NULL::practice_sites, to_jsonb(s) || jsonb_build_object('id', gen_random_uuid(), 'professional_id', m.new_id))).*
                FROM practice_sites s JOIN copy_map m ON m.old_id = s.professional_id;
            INSERT INTO memberships
                SELECT (jsonb_populate_record(NULL::memberships, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(), 'professional_id', m.new_id, 'certificate_number', NULL))).*
                FROM memberships x JOIN copy_map m ON m.old_id = x.professional_id;
            INSERT INTO compensation_entries
                SELECT (jsonb_populate_record(NULL::compensation_entries, to_jsonb(e) || jsonb_build_object('id', gen_random_uuid(), 'professional_id', m.new_id))).*
                FROM compensation_entries e JOIN copy_map m ON m.old_id = e.professional_id;
            INSERT INTO outbox_messages (campaign_id, to_address, to_name, first_name, status, attempts, created_at, next_attempt_at, sent_at)
                SELECT c.id, p.id || '@bench.invalid', p.last_name, p.first_name, 1, 1, c.sent_at, c.sent_at, c.sent_at
                FROM campaigns c CROSS JOIN professionals p WHERE c.status = 5;
            INSERT INTO mail_subscribers (address, token, quarterly_letter, flashmails, training_announcements, unsubscribed_at)
                SELECT p.id || '@bench.invalid', md5(p.id::text), true, true, true, CASE WHEN random() < 0.02 THEN now() ELSE NULL END
                FROM professionals p;
            ANALYZE;
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        return times;
    }

    private static double Median(List<double> times) => Percentile(times, 0.5);

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static void Print(string name, List<double> times) =>
        Console.WriteLine($"{name,-24} median {Median(times).ToString("0.0", CultureInfo.InvariantCulture)} ms, p95 {Percentile(times, 0.95).ToString("0.0", CultureInfo.InvariantCulture)} ms");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

internal sealed class DashboardPortal(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = connectionString, ["Database:MigrateOnStartup"] = "true", ["Demo:Seed"] = "true",
            ["Mail:Transport"] = "Pickup", ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "aposart-bench-mail"),
            ["Outbox:Enabled"] = "false", ["BackgroundJobs:Enabled"] = "false", ["Serilog:MinimumLevel:Default"] = "Warning",
            ["RateLimits:AuthPermitLimit"] = "1000",
            // The demo directory needs statutes and fees, which only the examples give since Production seeds none.
            ["Membership:SeedExamples"] = "true",
        })
        {
            builder.UseSetting(key, value);
        }
    }
}
