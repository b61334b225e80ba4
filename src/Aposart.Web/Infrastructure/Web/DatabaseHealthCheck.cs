using Aposart.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aposart.Web.Infrastructure.Web;

public sealed class DatabaseHealthCheck(AposartDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("La base de données ne répond pas.");
        }
        catch (Exception exception) when (DatabaseUnavailableMiddleware.IsDatabaseOutage(exception))
        {
            NpgsqlConnection.ClearAllPools();
            return HealthCheckResult.Unhealthy("La base de données ne répond pas.", exception);
        }
    }
}
