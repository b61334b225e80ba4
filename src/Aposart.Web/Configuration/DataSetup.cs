using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace Aposart.Web.Configuration;

public static class DataSetup
{
    public static IServiceCollection AddAposartData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditInterceptor>().AddScoped<PublicPageEviction>();
        services.AddDbContext<AposartDbContext>((provider, options) =>
        {
            AposartDbContext.Configure(options, connectionString);
            options.AddInterceptors(provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<PublicPageEviction>());
        });
        services.AddScoped<DatabaseInitializer>();
        services.Configure<Infrastructure.Backup.BackupOptions>(configuration.GetSection(Infrastructure.Backup.BackupOptions.Section));
        services.AddScoped<Infrastructure.Backup.DatabaseBackup>();

        // Keys live in the database so that cookies and tokens survive restarts and several instances.
        services.AddDataProtection()
            .SetApplicationName("Aposart")
            .PersistKeysToDbContext<AposartDbContext>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
