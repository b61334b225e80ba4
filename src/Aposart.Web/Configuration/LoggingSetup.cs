using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Aposart.Web.Configuration;

public static class LoggingSetup
{
    public static WebApplicationBuilder AddAposartLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            // Defaults first, so that the "Serilog" configuration section can override any of them.
            logger
                .MinimumLevel.Information()
                // The hosting layer logs full URLs, query strings included, where mailed tokens travel.
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext();
            if (development)
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        });
        return builder;
    }

    /// <summary>One line per request, with the path only: never the query string, where tokens travel.</summary>
    public static IApplicationBuilder UseAposartRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Style sheets, scripts and icons are endpoints since MapStaticAssets: five lines of noise per page view, so below Information.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}
