using System.Data.Common;
using Aposart.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Support;

/// <summary>A portal whose database commands pass through a hook that a test can set: to fail a write, or to change a row under a request's feet.</summary>
public sealed class HookedPortal : PortalFactory
{
    public CommandHook Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AposartDbContext>(options => options.AddInterceptors(Hook)));
    }
}

/// <summary>Once armed, runs its action on the first command whose text contains the given words, then disarms.</summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private readonly object gate = new();
    private string? when;
    private Func<DbCommand, Task>? before;

    /// <summary>Arms the hook: the next command containing <paramref name="text"/> first runs <paramref name="action"/> (which may throw).</summary>
    public void Arm(string text, Func<DbCommand, Task> action)
    {
        lock (gate)
        {
            (when, before) = (text, action);
        }
    }

    public void Disarm()
    {
        lock (gate)
        {
            (when, before) = (null, null);
        }
    }

    private async Task RunAsync(DbCommand command)
    {
        Func<DbCommand, Task>? action = null;
        lock (gate)
        {
            if (when is not null && command.CommandText.Contains(when, StringComparison.Ordinal))
            {
                action = before;
                (when, before) = (null, null);
            }
        }
        if (action is not null)
        {
            await action(command);
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RunAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await RunAsync(command);
        return result;
    }
}
