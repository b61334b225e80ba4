using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aposart.Web.Infrastructure.Background;

/// <summary>A job the portal runs on its own, again and again; each run must be safe to repeat.</summary>
public interface IPeriodicJob
{
    string Name { get; }

    /// <summary>Does the work due now and says what it did, for the log.</summary>
    Task<string> RunAsync(CancellationToken cancellationToken);
}

public sealed class BackgroundJobOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>Off in tests, which run the jobs themselves at the instant they choose.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Runs one kind of job every interval, each run in its own scope; a failing run is logged and the next one tries again.</summary>
public sealed class PeriodicJobService<TJob>(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<BackgroundJobOptions> options,
    JobRuns runs, TimeProvider clock, ILogger<PeriodicJobService<TJob>> logger) : BackgroundService where TJob : IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            var startedAt = clock.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var job = scope.ServiceProvider.GetRequiredService<TJob>();
                var outcome = await job.RunAsync(stoppingToken);
                runs.Record(job.Name, startedAt, outcome, succeeded: true);
                logger.LogInformation("{Job}: {Outcome}", job.Name, outcome);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                runs.Record(typeof(TJob).Name, startedAt, exception.Message, succeeded: false);
                logger.LogError(exception, "Background job {Job} failed; it runs again at the next interval", typeof(TJob).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class PeriodicJobRegistration
{
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services) where TJob : class, IPeriodicJob
    {
        services.TryAddSingleton<JobRuns>();
        return services.AddScoped<TJob>().AddHostedService<PeriodicJobService<TJob>>();
    }
}
