using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>
/// A portal reached through a proxy: the test server has no socket, so a start-up filter gives each request the peer
/// address the test names in X-Test-Peer (the proxy's own address by default: the loopback, as Caddy on the host).
/// </summary>
public sealed class ProxiedPortal : PortalFactory
{
    public const string PeerHeader = "X-Test-Peer";

    public ProxiedPortal()
    {
        With("RateLimits:AuthPermitLimit", "3");
        With("RateLimits:AuthWindowSeconds", "60");
        With("Proxy:KnownNetworks:0", "172.16.0.0/12");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerAddressFilter>());
    }

    public HttpClient Client(string host = "portail.exemple.fr") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(
                    context.Request.Headers[PeerHeader].FirstOrDefault() ?? "127.0.0.1");
                return following(context);
            });
            next(app);
        };
    }
}

public sealed class ProxyTests(ProxiedPortal portal) : IClassFixture<ProxiedPortal>
{
    private static HttpRequestMessage SignIn(string? forwardedFor, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion") { Content = new FormUrlEncodedContent([]) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (peer is not null)
        {
            request.Headers.Add(ProxiedPortal.PeerHeader, peer);
        }
        return request;
    }

    [Fact]
    public async Task Behind_the_proxy_the_sign_in_limit_counts_each_visitor_separately()
    {
        var client = portal.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(SignIn("198.51.100.10"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(SignIn("198.51.100.10"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(SignIn("198.51.100.11"))).StatusCode);
        // Docker's network is a named proxy network too.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SendAsync(SignIn("198.51.100.12", peer: "172.18.0.5"))).StatusCode);
    }

    [Fact]
    public async Task A_visitor_who_is_not_a_known_proxy_cannot_escape_the_limit_by_sending_forwarded_headers()
    {
        var client = portal.Client();
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(SignIn($"192.0.2.{i}", peer: "203.0.113.7"));
        }

        var fourth = await client.SendAsync(SignIn("192.0.2.99", peer: "203.0.113.7"));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    [Fact]
    public async Task Https_announced_by_the_proxy_brings_strict_transport_security_and_plain_http_does_not()
    {
        var client = portal.Client();
        var secure = new HttpRequestMessage(HttpMethod.Get, "/");
        secure.Headers.Add("X-Forwarded-Proto", "https");
        secure.Headers.Add("X-Forwarded-For", "198.51.100.20");

        var overHttps = await client.SendAsync(secure);
        var overHttp = await client.GetAsync("/");
        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        spoofed.Headers.Add(ProxiedPortal.PeerHeader, "203.0.113.8");
        var fromStranger = await client.SendAsync(spoofed);

        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Contains("max-age=31536000", overHttps.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.False(fromStranger.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>What Lighthouse measured on the published app: compression, cache lifetimes, HEAD, the proxy's client address.</summary>
public sealed class PublishedPortalTests(PublishedPortal portal) : IClassFixture<PublishedPortal>
{
    private static readonly Regex FingerprintedBootstrap = new("href=\"(/lib/bootstrap/css/bootstrap\\.min\\.[a-z0-9]{10}\\.css)\"");

    [Fact]
    public async Task Pages_name_fingerprinted_style_sheets_served_with_brotli_and_kept_for_a_year()
    {
        using var client = portal.Client();
        var home = await client.GetStringAsync("/");
        var address = FingerprintedBootstrap.Match(home).Groups[1].Value;
        Assert.NotEqual("", address);

        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString());
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var unpack = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var css = await new StreamReader(unpack).ReadToEndAsync();
        Assert.Contains("Bootstrap", css[..200]);
        Assert.True(compressed.Length * 5 < css.Length, $"{compressed.Length} bytes on the wire for {css.Length} characters");
    }

    [Fact]
    public async Task A_file_asked_for_by_its_plain_name_has_an_etag_and_answers_304_when_unchanged()
    {
        using var client = portal.Client();
        var first = await client.GetAsync("/css/site.css");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        var again = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Pages_go_out_compressed_when_the_browser_accepts_it()
    {
        using var client = portal.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/annuaire");
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await client.SendAsync(request);

        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        await using var unpack = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Contains("Annuaire", await new StreamReader(unpack).ReadToEndAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/annuaire")]
    [InlineData("/formations")]
    [InlineData("/vaccination")]
    [InlineData("/la-cpts")]
    [InlineData("/health")]
    [InlineData("/favicon.ico")]
    public async Task Head_answers_like_get_without_a_body(string url)
    {
        using var client = portal.Client();
        var get = await client.GetAsync(url);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_a_style_sheet_gives_its_length()
    {
        using var client = portal.Client();
        var get = await client.GetByteArrayAsync("/css/site.css");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/css/site.css"));

        Assert.Equal(get.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Behind_caddy_on_the_same_host_each_visitor_has_their_own_sign_in_limit()
    {
        using var client = portal.Client();
        async Task<HttpStatusCode> SignIn(string visitor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-For", visitor);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return (await client.SendAsync(request)).StatusCode;
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignIn("198.51.100.30"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignIn("198.51.100.30"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignIn("198.51.100.31"));
    }
}

public sealed class SiteIconTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Regex IconLink = new("<link rel=\"icon\" type=\"image/png\" sizes=\"32x32\" href=\"([^\"]+)\"");

    [Fact]
    public async Task Every_page_names_an_icon_and_a_manifest_and_the_browsers_default_favicon_exists()
    {
        var client = portal.CreateClient();
        var home = await client.GetStringAsync("/");
        var icon = WebUtility.HtmlDecode(IconLink.Match(home).Groups[1].Value);

        var png = await client.GetByteArrayAsync(icon);
        var favicon = await client.GetAsync("/favicon.ico");
        var manifest = JsonDocument.Parse(await client.GetStringAsync("/site.webmanifest")).RootElement;

        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal(32, bitmap.Width);
        }
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/png", favicon.Content.Headers.ContentType!.MediaType);
        Assert.Equal("APOSART", manifest.GetProperty("short_name").GetString());
        var large = manifest.GetProperty("icons").EnumerateArray().Last().GetProperty("src").GetString()!;
        using var big = SKBitmap.Decode(await client.GetByteArrayAsync(large));
        Assert.Equal(512, big.Width);
    }

    [Fact]
    public async Task A_logo_saved_in_the_settings_becomes_the_icon_under_a_new_address()
    {
        var client = portal.CreateClient();
        var before = IconLink.Match(await client.GetStringAsync("/")).Groups[1].Value;
        var neutral = await client.GetByteArrayAsync(WebUtility.HtmlDecode(before));

        using (var scope = portal.Services.CreateScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
            var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
            await settings.SaveAsync(db, SettingsSections.Logo,
                new LogoSettings { ContentType = "image/png", Base64 = Convert.ToBase64String(RedSquare()), Version = Guid.NewGuid().ToString("N") },
                null, "Test");
        }
        var after = IconLink.Match(await client.GetStringAsync("/")).Groups[1].Value;
        var drawn = await client.GetByteArrayAsync(WebUtility.HtmlDecode(after));

        Assert.NotEqual(before, after);
        using var bitmap = SKBitmap.Decode(drawn);
        Assert.Equal(new SKColor(255, 0, 0), bitmap.GetPixel(16, 16));
        using var old = SKBitmap.Decode(neutral);
        Assert.NotEqual(new SKColor(255, 0, 0), old.GetPixel(16, 16));
    }

    private static byte[] RedSquare()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(new SKColor(255, 0, 0));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
