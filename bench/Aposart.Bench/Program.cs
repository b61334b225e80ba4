using System.Diagnostics;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Sends one campaign of N recipients through the whole pipeline (audience, outbox rows, leased claims, rendering,
// SMTP, marking), then the same number of pre-rendered messages with a bare MailKit loop, to the same SMTP sink; after a
// warm-up, three such pairs back to back, and the median ratio.
internal static class MailerBenchmark
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 2 && args[0] == "load-data")
        {
            await DashboardBenchmark.PrepareLoadDataAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args.Length > 0 && args[0] == "dashboard")
        {
            await DashboardBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30, 50);
            return;
        }
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var smtpPort = int.Parse(Environment.GetEnvironmentVariable("BENCH_SMTP_PORT") ?? "2526", System.Globalization.CultureInfo.InvariantCulture);
        var database = $"aposart_bench_{Guid.NewGuid():N}";
        await BenchDatabase.CreateAsync(database);
        var connectionString = BenchDatabase.ConnectionString(database);
        try
        {
            await using var app = new BenchPortal(connectionString, smtpPort);
            var services = app.Services;
            // Nurses get the measured campaign; pharmacists, a tenth as many, the warm-up one.
            var warmup = Math.Max(count / 10, 200);
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
                // Seeded in SQL: the figures are about the mailer, not about loading the directory.
                await db.Database.ExecuteSqlAsync($$"""
                    INSERT INTO professionals (civility, first_name, last_name, profession, listed_in_public_directory, email, email_visibility,
                        secure_mail_visibility, website_visibility, address_visibility, phone_visibility, accepts_new_patients, offers_unscheduled_care,
                        languages, created_at, updated_at)
                    SELECT 0, 'Prénom' || i, 'Banc' || i, CASE WHEN i <= {{count}} THEN 3 ELSE 4 END, false, 'banc' || i || '@bench.invalid',
                        0, 0, 0, 0, 0, false, false, '{}', now(), now()
                    FROM generate_series(1, {{count + warmup}}) AS i
                    """);
            }

            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value;
            // Not measured: the pipeline's code (EF, Npgsql, MailKit, rendering) is compiled and tiered up, as in a portal that
            // has been running for a while; the bare loop below gets the same. Without it the pipeline, measured first, paid
            // for compiling MailKit for the bare loop too. One warm-up campaign was not enough: the runtime recompiles hot
            // methods in the background for seconds (about 8 000 methods and 6 s of JIT fell inside the measured run), so
            // warm-up campaigns go out until one of them leaves the JIT next to nothing to do.
            var warmupRounds = new List<string>();
            int warmupJit;
            do
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                var round = Stopwatch.StartNew();
                await SendCampaignAsync(services, options.Workers, Profession.Pharmacist);
                var rate = warmup / round.Elapsed.TotalSeconds;
                await JitQuietAsync();
                warmupJit = (int)(System.Runtime.JitInfo.GetCompiledMethodCount() - compiled);
                warmupRounds.Add($"{rate:0} msg/s ({warmupJit} methods)");
            }
            while (warmupJit > 100 && warmupRounds.Count < 15);

            // The baseline: the same number of messages, rendered beforehand, sent one after the other over one connection.
            var renderer = services.GetRequiredService<CampaignMail>();
            var campaign = new Campaign { Id = Guid.NewGuid(), Kind = CampaignKind.Flashmail, Subject = "Banc d'essai", Body = "## Un message\n\nAvec un **peu** de texte." };
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
            for (var i = 0; i < warmup; i++)
            {
                using var message = renderer.Render(campaign, i, $"chauffe{i}@bench.invalid", $"Prénom{i} Chauffe{i}", $"Prénom{i}", "jeton");
                await client.SendAsync(message);
            }
            await JitQuietAsync();

            // The machine's speed drifts by a third from one minute to the next on this kind of VM, so one pipeline run
            // followed by one bare run compared two different machines. Pairs taken back to back, several times, compare like
            // with like; the median pair is the figure.
            var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
            var ratios = new List<double>();
            long peak = 0;
            Console.WriteLine($"recipients               {count}");
            Console.WriteLine($"warm-up                  {warmupRounds.Count} campaign(s) of {warmup} until one left the JIT under 100 methods to compile:");
            Console.WriteLine($"                         {string.Join(", ", warmupRounds)}");
            for (var round = 1; round <= rounds; round++)
            {
                // The memory target is the pipeline's, so its peak is taken in the first round, before the bare loop's ten
                // thousand pre-rendered messages have ever been in the process (the heap keeps their pages afterwards).
                if (round == 1)
                {
                    ResetPeakWorkingSet();
                }
                Guid campaignId = default;
                double expansionSeconds = 0;
                var pipeline = await Measured.RunAsync(async () => (campaignId, expansionSeconds) = await SendCampaignAsync(services, options.Workers, Profession.Nurse));
                if (round == 1)
                {
                    peak = PeakWorkingSet();
                }
                int sent;
                using (var scope = services.CreateScope())
                {
                    sent = await scope.ServiceProvider.GetRequiredService<AposartDbContext>().OutboxMessages.CountAsync(m => m.CampaignId == campaignId && m.Status == OutboxStatus.Sent);
                }

                var messages = Enumerable.Range(0, count).Select(i => renderer.Render(campaign, i, $"nu{i}@bench.invalid", $"Prénom{i} Nu{i}", $"Prénom{i}", "jeton")).ToList();
                var bare = await Measured.RunAsync(async () =>
                {
                    // Each disposed once sent, as the outbox does: MimeKit's messages have finalizers.
                    foreach (var message in messages)
                    {
                        await client.SendAsync(message);
                        message.Dispose();
                    }
                });

                var ratio = sent / pipeline.Seconds / (count / bare.Seconds);
                ratios.Add(ratio);
                Console.WriteLine($"round {round}");
                Console.WriteLine($"  pipeline               {sent} sent in {pipeline.Seconds:0.0} s = {sent / pipeline.Seconds:0} msg/s ({options.Workers} workers, batches of {options.BatchSize}); audience and outbox rows {expansionSeconds:0.0} s");
                Console.WriteLine($"                         {pipeline.Describe(sent)}");
                Console.WriteLine($"  bare MailKit loop      {count} sent in {bare.Seconds:0.0} s = {count / bare.Seconds:0} msg/s (1 connection, pre-rendered)");
                Console.WriteLine($"                         {bare.Describe(count)}");
                Console.WriteLine($"  ratio                  {ratio:0.00}");
            }

            // What rendering costs, which the pre-rendered loop does not pay: the same loop rendering as it goes, then rendering alone.
            var renderingAsItGoes = await Measured.RunAsync(async () =>
            {
                for (var i = 0; i < count; i++)
                {
                    using var message = renderer.Render(campaign, i, $"rendu{i}@bench.invalid", $"Prénom{i} Rendu{i}", $"Prénom{i}", "jeton");
                    await client.SendAsync(message);
                }
            });
            await client.DisconnectAsync(true);
            var rendering = await Measured.RunAsync(() =>
            {
                for (var i = 0; i < count; i++)
                {
                    using var message = renderer.Render(campaign, i, $"seul{i}@bench.invalid", $"Prénom{i} Seul{i}", $"Prénom{i}", "jeton");
                    GC.KeepAlive(message);
                }
                return Task.CompletedTask;
            });
            Console.WriteLine($"bare loop, rendering     {count} sent in {renderingAsItGoes.Seconds:0.0} s = {count / renderingAsItGoes.Seconds:0} msg/s (1 connection, each message rendered as it goes)");
            Console.WriteLine($"                         {renderingAsItGoes.Describe(count)}");
            Console.WriteLine($"rendering alone          {rendering.CpuMilliseconds * 1000 / count:0} µs of CPU and {rendering.AllocatedBytes / count / 1024.0:0.0} KB a message, no SMTP");
            ratios.Sort();
            Console.WriteLine($"ratio pipeline / bare    {ratios[ratios.Count / 2]:0.00} (median of {ratios.Count} pairs: {string.Join(", ", ratios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})   (target >= 0.80)");
            Console.WriteLine($"peak working set         {peak / 1024 / 1024} MB up to the end of the first measured campaign   (target < 300 MB)");
        }
        finally
        {
            await BenchDatabase.DropAsync(database);
        }
    }

    /// <summary>
    /// The SMTP sink's CPU time in milliseconds (user + system, from /proc), or NaN when its process is not known: on a small
    /// machine the sink shares the cores with the mailer, and this says how much of them it took.
    /// </summary>
    internal static double SinkCpu()
    {
        if (Environment.GetEnvironmentVariable("BENCH_SINK_PID") is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return double.NaN;
        }
        // The fields after the command name, which is in parentheses and may hold spaces; utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>Lets the kernel forget the process's peak resident set (Linux: 5 to clear_refs), so the next peak is one phase's.</summary>
    private static void ResetPeakWorkingSet() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long PeakWorkingSet()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Waits until the runtime has compiled nothing for half a second (at most ten seconds).</summary>
    private static async Task JitQuietAsync()
    {
        var quiet = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        var last = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quiet.ElapsedMilliseconds < 500 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != last)
            {
                (last, quiet) = (now, Stopwatch.StartNew());
            }
        }
    }

    /// <summary>Idle time of all cores together, in milliseconds, from /proc/stat.</summary>
    internal static double IdleCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture) * 1000.0 / 100;
    }

    /// <summary>
    /// One flashmail to the professionals of one profession through the whole pipeline: scheduled, expanded into outbox rows,
    /// then drained by the workers as OutboxWorker does. Returns the campaign and the seconds its expansion took.
    /// </summary>
    private static async Task<(Guid Id, double ExpansionSeconds)> SendCampaignAsync(IServiceProvider services, int workers, Profession profession)
    {
        var campaign = new Campaign
        {
            Kind = CampaignKind.Flashmail, Subject = "Banc d'essai", Body = "## Un message\n\nAvec un **peu** de texte et une [adresse](https://exemple.fr).",
            Audience = AudienceKind.Professions, AudienceProfessions = [profession], Status = CampaignStatus.Scheduled,
            ScheduledAt = DateTimeOffset.UtcNow.AddMinutes(-1), AuthorName = "Banc",
        };
        var clock = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<Outbox>().StartDueCampaignsAsync(CancellationToken.None);
        }
        var expansionSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(Enumerable.Range(1, workers).Select(n => Task.Run(async () =>
        {
            // As the worker does: two outboxes, so the next batch is prepared while the current one is sent.
            using var scope = services.CreateScope();
            using var spare = services.CreateScope();
            await using var connection = await scope.ServiceProvider.GetRequiredService<MailConnections>().OpenAsync(CancellationToken.None);
            await Outbox.DrainAsync(scope.ServiceProvider.GetRequiredService<Outbox>(), spare.ServiceProvider.GetRequiredService<Outbox>(),
                $"bench-{n}", connection, CancellationToken.None);
        })));
        return (campaign.Id, expansionSeconds);
    }
}

internal sealed class BenchPortal(string connectionString, int smtpPort) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Mail:Transport"] = "Smtp", ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:MigrateOnStartup"] = "true", ["Demo:Seed"] = "false",
            ["Outbox:Workers"] = Environment.GetEnvironmentVariable("BENCH_WORKERS") ?? "2",
            ["Outbox:BatchSize"] = Environment.GetEnvironmentVariable("BENCH_BATCH") ?? "100",
            ["Mail:SmtpSecurity"] = "None", ["Outbox:Enabled"] = "false", ["BackgroundJobs:Enabled"] = "false", ["Serilog:MinimumLevel:Default"] = "Warning",
        })
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>What one measured phase cost: wall time, this process's CPU, the sink's CPU, the machine's idle time, JIT and GC.</summary>
internal sealed record Measured(double Seconds, double CpuMilliseconds, double SinkMilliseconds, double IdleMilliseconds,
    long JitMethods, double JitMilliseconds, long AllocatedBytes, string Collections, double PauseMilliseconds)
{
    public static async Task<Measured> RunAsync(Func<Task> phase)
    {
        var me = Process.GetCurrentProcess();
        var cpu = me.TotalProcessorTime;
        var sink = MailerBenchmark.SinkCpu();
        var idle = MailerBenchmark.IdleCpu();
        var (jit, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        await phase();
        clock.Stop();
        me.Refresh();
        return new Measured(clock.Elapsed.TotalSeconds, (me.TotalProcessorTime - cpu).TotalMilliseconds, MailerBenchmark.SinkCpu() - sink,
            MailerBenchmark.IdleCpu() - idle, System.Runtime.JitInfo.GetCompiledMethodCount() - jit, (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds,
            GC.GetTotalAllocatedBytes() - allocated, $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}",
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    public string Describe(int messages) =>
        $"{CpuMilliseconds * 1000 / messages:0} µs of CPU a message{(double.IsNaN(SinkMilliseconds) ? "" : $", the sink {SinkMilliseconds * 1000 / messages:0} µs")}; " +
        $"{IdleMilliseconds / 1000 / Seconds:0.00} of {Environment.ProcessorCount} cores idle; JIT {JitMethods} methods in {JitMilliseconds:0} ms; " +
        $"{AllocatedBytes / messages / 1024.0:0.0} KB allocated a message, GC gen0/1/2 {Collections}, {PauseMilliseconds:0} ms paused";
}
