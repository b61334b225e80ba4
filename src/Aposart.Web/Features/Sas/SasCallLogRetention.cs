using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Sas;

/// <summary>
/// The SAS call log holds the callers' addresses: kept as long as an audit of the connection needs it (a year by default,
/// <c>Sas:LogRetentionDays</c>), then deleted.
/// </summary>
public sealed class SasCallLogRetention(AposartDbContext db, IOptions<SasOptions> options, TimeProvider clock) : IPeriodicJob
{
    public string Name => "Purge du journal des appels SAS";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var days = Math.Max(1, options.Value.LogRetentionDays);
        var before = clock.GetUtcNow().AddDays(-days);
        var purged = await db.SasRequests.Where(r => r.At < before).ExecuteDeleteAsync(cancellationToken);
        return $"{purged} appel(s) de plus de {days} jours effacé(s)";
    }
}
