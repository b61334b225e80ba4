using System.Globalization;
using System.Threading.RateLimiting;
using Aposart.Web.Infrastructure.Security;

namespace Aposart.Web.Configuration;

public static class SecuritySetup
{
    public static IServiceCollection AddAposartSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitOptions.AuthPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.AuthPermitLimit,
                        Window = TimeSpan.FromSeconds(limits.AuthWindowSeconds),
                        QueueLimit = 0,
                    }));
            options.AddPolicy(RateLimitOptions.ContactPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ContactPermitLimit, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            options.AddPolicy(RateLimitOptions.RegistrationPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.RegistrationPermitLimit, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            // The SAS platform's calls, counted per client address: per presented key would give whoever tries random keys a
            // fresh allowance with each one.
            var sas = configuration.GetSection(Features.Sas.SasOptions.Section).Get<Features.Sas.SasOptions>() ?? new Features.Sas.SasOptions();
            options.AddPolicy(RateLimitOptions.SasPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = sas.PermitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limits.AuthWindowSeconds;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Path.StartsWithSegments(Features.Sas.SasLinks.FhirBase, StringComparison.Ordinal))
                {
                    // A FHIR client reads an OperationOutcome, not a page.
                    response.ContentType = "application/fhir+json; charset=utf-8";
                    await response.WriteAsync("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"throttled\",\"diagnostics\":\"Trop de requêtes : réessayez dans une minute.\"}]}", cancellationToken);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                var env = context.HttpContext.RequestServices.GetRequiredService<IWebHostEnvironment>();
                await response.SendFileAsync(env.WebRootFileProvider.GetFileInfo("errors/429.html"), cancellationToken);
            };
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static IApplicationBuilder UseAposartSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
