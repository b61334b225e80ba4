using System.Net;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Aposart.Web.Configuration;

/// <summary>Where the portal meets the reverse proxy in front of it (Caddy in deploy/), and what goes over the wire.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. The loopback is always
    /// believed (Caddy on the same host); Docker's network is named in docker-compose.yml.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR form ("172.16.0.0/12") whose every address is a trusted proxy.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class HostingSetup
{
    public static IServiceCollection AddAposartHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the client's address and the scheme: links never come from the request's host (Cpts:PublicUrl does).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.KnownProxies.Where(a => a.Length > 0))
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }
            foreach (var network in proxy.KnownNetworks.Where(n => n.Length > 0))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddResponseCompression(options =>
        {
            // Pages are compressed over HTTPS too. BREACH needs a secret repeated in every response beside text the
            // attacker reflects; the antiforgery token is encrypted anew for each page, and the session cookie is
            // never in a body. Static files are compressed once at publish and skipped here (they carry
            // Content-Encoding already).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "image/svg+xml", "application/manifest+json"]);
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client address before anything logs, limits or redirects on it.</summary>
    public static IApplicationBuilder UseAposartHosting(this IApplicationBuilder app) =>
        app.UseForwardedHeaders().UseMiddleware<HeadAsGetMiddleware>().UseResponseCompression();
}
