using System.Diagnostics;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Letters;
using Aposart.Web.Infrastructure.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Sends one campaign of N recipients through the whole pipeline (audience, outbox rows, leased claims, rendering,
// SMTP, marking), then the same number of pre-rendered messages with a bare MailKit loop, to the same SMTP sink.
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
            // for compiling MailKit for the bare loop too.
            await SendCampaignAsync(services, options.Workers, Profession.Pharmacist);

            var me = Process.GetCurrentProcess();
            me.Refresh();
            var cpuBefore = me.TotalProcessorTime;
            var (gen0, gen1, gen2, pauseBefore) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            var (campaignId, expansionSeconds) = await SendCampaignAsync(services, options.Workers, Profession.Nurse);
            clock.Stop();
            var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var pipelineSeconds = clock.Elapsed.TotalSeconds;
            me.Refresh();
            var pipelineCpu = (me.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            int sent;
            using (var scope = services.CreateScope())
            {
                sent = await scope.ServiceProvider.GetRequiredService<AposartDbContext>().OutboxMessages.CountAsync(m => m.CampaignId == campaignId && m.Status == OutboxStatus.Sent);
            }

            // The baseline: the same number of messages, rendered beforehand, sent one after the other over one connection.
            var renderer = services.GetRequiredService<CampaignMail>();
            var campaign = new Campaign { Id = Guid.NewGuid(), Kind = CampaignKind.Flashmail, Subject = "Banc d'essai", Body = "## Un message\n\nAvec un **peu** de texte." };
            var messages = Enumerable.Range(0, count).Select(i => renderer.Render(campaign, i, $"nu{i}@bench.invalid", $"Prénom{i} Nu{i}", $"Prénom{i}", "jeton")).ToList();
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
            for (var i = 0; i < warmup; i++)
            {
                await client.SendAsync(renderer.Render(campaign, i, $"chauffe{i}@bench.invalid", $"Prénom{i} Chauffe{i}", $"Prénom{i}", "jeton"));
            }
            me.Refresh();
            cpuBefore = me.TotalProcessorTime;
            clock.Restart();
            foreach (var message in messages)
            {
                await client.SendAsync(message);
            }
            clock.Stop();
            var bareSeconds = clock.Elapsed.TotalSeconds;
            me.Refresh();
            var bareCpu = (me.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            // What rendering alone costs: the same loop, rendering each message as it goes.
            clock.Restart();
            for (var i = 0; i < count; i++)
            {
                await client.SendAsync(renderer.Render(campaign, i, $"rendu{i}@bench.invalid", $"Prénom{i} Rendu{i}", $"Prénom{i}", "jeton"));
            }
            clock.Stop();
            await client.DisconnectAsync(true);
            var renderingSeconds = clock.Elapsed.TotalSeconds;

            var pipelineRate = sent / pipelineSeconds;
            var bareRate = count / bareSeconds;
            Console.WriteLine($"recipients               {count}");
            Console.WriteLine($"pipeline                 {sent} sent in {pipelineSeconds:0.0} s = {pipelineRate:0} msg/s ({options.Workers} workers, batches of {options.BatchSize}), {pipelineCpu * 1000 / sent:0} µs of CPU a message");
            Console.WriteLine($"  of which audience      {expansionSeconds:0.0} s to resolve the audience and write the outbox rows");
            Console.WriteLine($"  memory                 {allocated / sent / 1024.0:0.0} KB allocated a message; collections gen0/1/2 {collections}, {pause:0} ms paused");
            Console.WriteLine($"bare MailKit loop        {count} sent in {bareSeconds:0.0} s = {bareRate:0} msg/s (1 connection, pre-rendered), {bareCpu * 1000 / count:0} µs of CPU a message");
            Console.WriteLine($"bare loop, rendering     {count} sent in {renderingSeconds:0.0} s = {count / renderingSeconds:0} msg/s (1 connection, each message rendered as it goes)");
            Console.WriteLine($"ratio pipeline / bare    {pipelineRate / bareRate:0.00}   (target >= 0.80)");
            Console.WriteLine($"peak working set         {peak / 1024 / 1024} MB after the pipeline   (target < 300 MB)");
        }
        finally
        {
            await BenchDatabase.DropAsync(database);
        }
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
