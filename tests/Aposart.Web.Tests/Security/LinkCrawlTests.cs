using System.Net;
using System.Text.RegularExpressions;
using Aposart.Web.Tests.Support;
using Xunit.Abstractions;

namespace Aposart.Web.Tests.Security;

/// <summary>
/// Every page each kind of visitor can reach by following the portal's own links, on the demo data: no internal link may
/// answer 404 or carry an unrendered Razor expression (an "@" in the address, as the training page's sign-in link once did).
/// </summary>
public sealed partial class LinkCrawlTests(DemoPortal portal, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    public static TheoryData<string?> Visitors => new() { null, "membre@demo.aposart.fr", "bureau@demo.aposart.fr", "coordination@demo.aposart.fr", "admin@demo.aposart.fr" };

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task No_internal_link_reachable_by_this_visitor_is_broken_or_holds_an_unrendered_expression(string? email)
    {
        var browser = portal.NewBrowser();
        if (email is not null)
        {
            Assert.True((await browser.LogInAsync(email, PortalFactory.DemoPassword)).IsSignedIn, email);
        }
        var queue = new Queue<(string Url, string From)>([("/", "(départ)"), ("/espace", "(départ)"), ("/gestion/tableau-de-bord", "(départ)")]);
        var seen = new HashSet<string>();
        var shapes = new HashSet<string>();
        var problems = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < 600 && seen.Count < 2500)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            if (url.Contains('@', StringComparison.Ordinal) || url.Contains("%40", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{from} → {url} : expression non rendue dans l'adresse");
                continue;
            }
            // Each link is checked; the pages behind it are read once per address shape (one training, one member…).
            var read = shapes.Add(Shape(url)) && !Download().IsMatch(url);
            var response = read ? null : await browser.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var page = read ? await browser.GetAsync(url) : null;
            var status = page?.Status ?? response!.StatusCode;
            response?.Dispose();
            if (status == HttpStatusCode.NotFound || (int)status >= 500)
            {
                problems.Add($"{from} → {url} : {(int)status}");
                continue;
            }
            if (page is null || page.Status != HttpStatusCode.OK || page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages++;
            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var path = href.Split('#')[0];
                if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !Skipped().IsMatch(path))
                {
                    queue.Enqueue((path, page.Url));
                }
            }
        }
        output.WriteLine($"{email ?? "anonyme"} : {pages} pages lues, {seen.Count} liens vérifiés");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct().Take(40)));
        Assert.True(pages >= (email is null ? 15 : 25), $"only {pages} pages read");
    }

    private static string Shape(string url) => Guids().Replace(url.Split('?')[0], "{id}") + (url.Contains('?') ? "?" + string.Join('&', url.Split('?')[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "");

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();

    /// <summary>Files: their address is checked, their content is not read as a page.</summary>
    [GeneratedRegex(@"\.(pdf|csv|ics|json|xml|txt|png|jpg|jpeg|webp|docx|xlsx)($|\?)|/image$", RegexOptions.IgnoreCase)]
    private static partial Regex Download();

    /// <summary>Never followed: signing out would end the crawl's session; the mail viewer and unsubscribe links are not the portal's pages.</summary>
    [GeneratedRegex(@"^/compte/deconnexion|^/dev/|^/desabonnement", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
