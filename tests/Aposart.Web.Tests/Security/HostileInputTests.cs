using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Aposart.Web.Tests.Support;
using Xunit.Abstractions;

namespace Aposart.Web.Tests.Security;

/// <summary>The portal with the demo data of scripts/run.sh and no mail going out, for the tests that attack every form.</summary>
public sealed class DemoPortal : PortalFactory
{
    public DemoPortal() => WithDemoData().With("Outbox:Enabled", "false");
}

/// <summary>
/// Every form the portal shows (found by following the links of the public site, the members' area and the back office)
/// gets a corpus of script-injection payloads in each of its text fields, then random malformed values in all of its
/// fields. No answer may be a 500, and no page that shows what was stored may carry executable markup.
/// </summary>
public sealed partial class HostileInputTests(DemoPortal portal, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    private static readonly string[] XssPayloads =
    [
        "<img src=x onerror=xss(1)>",
        "\"><svg onload=xss(2)>",
        "<script>xss(3)</script>",
        "[lien](javascript:xss(4)) <aposart-xss>",
        "'><a href=\"javascript:xss(5)\">clic</a>",
        "=HYPERLINK(\"http://exemple.invalid\")",
    ];

    /// <summary>Never followed: it would end the session the crawl runs in.</summary>
    private static readonly string[] NotPosted = ["/compte/deconnexion"];

    private sealed record FoundForm(string PageUrl, string Action, string Key);

    [Fact]
    public async Task Script_payloads_in_every_text_field_come_back_encoded_and_random_malformed_values_never_get_a_500()
    {
        var visitors = new (string Name, Browser Browser)[]
        {
            ("anonyme", portal.NewBrowser()),
            ("adhérent", await SignedInAsync("medecin@demo.aposart.fr")),
            ("admin", await SignedInAsync("admin@demo.aposart.fr")),
        };
        var errors = new List<string>();
        var pagesByVisitor = new Dictionary<string, List<string>>();
        var forms = new List<(string Visitor, Browser Browser, FoundForm Form)>();
        foreach (var (name, browser) in visitors)
        {
            var (pages, found) = await CrawlAsync(browser, errors);
            pagesByVisitor[name] = pages;
            forms.AddRange(found.Where(f => forms.All(known => known.Form.Key != f.Key)).Select(f => (name, browser, f)));
        }

        var seed = Environment.GetEnvironmentVariable("APOSART_FUZZ_SEED") is { } fixedSeed ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        var accepted = 0;
        var posts = 0;
        var readBack = 0;
        var unsafeMarkup = new List<string>();
        foreach (var (visitor, browser, form) in forms)
        {
            foreach (var payload in XssPayloads)
            {
                var page = await browser.GetAsync(form.PageUrl);
                var element = FormOn(page, form.Action);
                if (element is null)
                {
                    continue;
                }
                var response = await PostAsync(browser, element, form.Action, field => IsText(field) ? payload : null);
                posts++;
                // Taken in: the portal moved on to another page instead of showing the form again.
                var taken = response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath != form.Action.Split('?')[0];
                accepted += taken ? 1 : 0;
                Check(errors, $"{visitor} POST {form.Action} (charge « {payload} »)", response);
                if (taken)
                {
                    // Read back now, before the next payload overwrites this one: the page landed on, the form's page and the pages they link to.
                    readBack += await ReadBackAsync(browser, response.RequestMessage!.RequestUri!.PathAndQuery, form.PageUrl, $"{visitor} après « {payload} » sur {form.Action}", errors, unsafeMarkup);
                }
            }
            for (var round = 0; round < 4; round++)
            {
                var page = await browser.GetAsync(form.PageUrl);
                var element = FormOn(page, form.Action);
                if (element is null)
                {
                    continue;
                }
                var response = await PostAsync(browser, element, form.Action, _ => Malformed(random));
                posts++;
                Check(errors, $"{visitor} POST {form.Action} (valeurs aléatoires, graine {seed})", response);
            }
        }

        // Everything that was stored is shown somewhere: read every page again, as each visitor, and look for live markup.
        var csvFiles = 0;
        foreach (var (name, browser) in visitors)
        {
            foreach (var url in pagesByVisitor[name])
            {
                var page = await browser.GetAsync(url);
                Check(errors, $"{name} GET {url} après les charges", page.Response);
                unsafeMarkup.AddRange(LiveMarkup(page.Document).Select(problem => $"{name} {url}: {problem}"));
                foreach (var csv in page.Document.QuerySelectorAll("a[href*='.csv']").Select(a => a.GetAttribute("href")!).Distinct())
                {
                    var text = await browser.Http.GetStringAsync(csv);
                    csvFiles++;
                    unsafeMarkup.AddRange(FormulaCells(text).Select(cell => $"{csv}: cellule exécutable {cell}"));
                }
            }
        }

        output.WriteLine($"{forms.Count} forms, {posts} posts ({accepted} accepted with a payload, {readBack} pages read back right after them), "
            + $"{pagesByVisitor.Values.Sum(p => p.Count)} pages read back at the end, {csvFiles} CSV exports checked, seed {seed}");
        Assert.True(errors.Count == 0, string.Join('\n', errors.Distinct().Take(40)));
        Assert.True(unsafeMarkup.Count == 0, string.Join('\n', unsafeMarkup.Distinct().Take(40)));
        // The attack must have reached the database for the read-back to mean anything.
        Assert.True(forms.Count >= 40, $"only {forms.Count} forms found");
        Assert.True(accepted >= 30, $"only {accepted} payloads were accepted by a form");
        Assert.True(csvFiles >= 10, $"only {csvFiles} CSV exports read");
    }

    /// <summary>The page a payload landed on, the form's page, and the pages the first links to (at most twenty): where a stored payload shows.</summary>
    private static async Task<int> ReadBackAsync(Browser browser, string landing, string formPage, string context, List<string> errors, List<string> unsafeMarkup)
    {
        var first = await browser.GetAsync(landing);
        var urls = new[] { formPage }.Concat(first.Document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
                .Where(href => !href.Contains(".csv", StringComparison.Ordinal) && !href.Contains(".pdf", StringComparison.Ordinal) && !href.Contains(".ics", StringComparison.Ordinal)
                    && !href.StartsWith("/compte/deconnexion", StringComparison.Ordinal) && !href.Contains("export", StringComparison.Ordinal)).Take(20))
            .Where(url => url != landing).Distinct().ToList();
        var pages = new List<Page> { first };
        foreach (var url in urls)
        {
            pages.Add(await browser.GetAsync(url));
        }
        foreach (var page in pages)
        {
            Check(errors, $"{context} GET {page.Url}", page.Response);
            unsafeMarkup.AddRange(LiveMarkup(page.Document).Select(problem => $"{context} {page.Url}: {problem}"));
        }
        return pages.Count;
    }

    private async Task<Browser> SignedInAsync(string email)
    {
        var browser = portal.NewBrowser();
        var page = await browser.LogInAsync(email, PortalFactory.DemoPassword);
        Assert.True(page.IsSignedIn, email);
        return browser;
    }

    private static void Check(List<string> errors, string what, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            errors.Add($"{what}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Follows the portal's own links breadth-first, one page per address shape, and keeps the forms that post.</summary>
    private static async Task<(List<string> Pages, List<FoundForm> Forms)> CrawlAsync(Browser browser, List<string> errors)
    {
        var queue = new Queue<string>(["/", "/espace/profil", "/gestion/tableau-de-bord", "/contact", "/compte/inscription", "/compte/mot-de-passe-oublie", "/compte/renvoyer-confirmation"]);
        var shapes = new HashSet<string>();
        var pages = new List<string>();
        var forms = new List<FoundForm>();
        while (queue.Count > 0 && pages.Count < 400)
        {
            var url = queue.Dequeue();
            if (!shapes.Add(Shape(url)))
            {
                continue;
            }
            var page = await browser.GetAsync(url);
            Check(errors, "GET " + url, page.Response);
            if (page.Status != HttpStatusCode.OK || page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages.Add(page.Url);
            foreach (var form in page.Document.QuerySelectorAll<IHtmlFormElement>("form[method=post]"))
            {
                var action = form.GetAttribute("action") ?? page.Url;
                if (action.StartsWith('/') && !NotPosted.Contains(action))
                {
                    var fields = string.Join(',', form.Elements.Select(e => e.GetAttribute("name")).Where(n => n is not null).Order(StringComparer.Ordinal));
                    forms.Add(new FoundForm(page.Url, action, Shape(action) + "|" + fields));
                }
            }
            foreach (var link in page.Document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                var path = link.Split('#')[0];
                if (path.Length > 0 && !SkippedLink().IsMatch(path))
                {
                    queue.Enqueue(path);
                }
            }
        }
        return (pages, forms.DistinctBy(f => f.Key).ToList());
    }

    private static string Shape(string url) => Guids().Replace(url.Split('?')[0], "{id}") + (url.Contains('?') ? "?" + string.Join('&', url.Split('?')[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "");

    private static IHtmlFormElement? FormOn(Page page, string action) =>
        page.Document.QuerySelectorAll<IHtmlFormElement>("form[method=post]").FirstOrDefault(f => (f.GetAttribute("action") ?? page.Url) == action);

    private static bool IsText(IElement field) => field switch
    {
        IHtmlTextAreaElement => true,
        IHtmlInputElement input => input.Type is "text" or "search" or "email" or "url" or "tel" || string.IsNullOrEmpty(input.GetAttribute("type")),
        _ => false,
    };

    /// <summary>Posts the form as the page gave it, with each field's value replaced where <paramref name="replace"/> says.</summary>
    private static async Task<HttpResponseMessage> PostAsync(Browser browser, IHtmlFormElement form, string action, Func<IElement, string?> replace)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            string? value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement { Type: "file" or "submit" or "button" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? select.Options.FirstOrDefault()?.Value,
                _ => null,
            };
            if (name == "__RequestVerificationToken")
            {
                values.Add(new(name, value ?? ""));
                continue;
            }
            var replaced = replace(element);
            if ((replaced ?? value) is { } final)
            {
                values.Add(new(name, final));
            }
        }
        using var content = new FormUrlEncodedContent(values);
        return await browser.Http.PostAsync(action, content);
    }

    private static readonly string[] MalformedValues =
    [
        "", " ", "-1", "0", "99999999999999999999999", "1e308", "NaN", "-0,0001", "12,5,3", "2026-13-45", "0000-00-00", "25:99", "24:00",
        "00000000-0000-0000-0000-000000000000", "7c1d3e1a-0000-4000-8000-000000000001", "pas-un-guid", "true", "false", "on", "Inconnu",
        "' OR 1=1 --", "Robert'); DROP TABLE professionals;--", "../../etc/passwd", "%00", "\0", "\u0007cloche", "ligne\r\nBcc: x@exemple.invalid",
        "😀🩺", "ﷺ‮gnp.exe", "a@b", "@@", "http://", "javascript:alert(1)", "{{7*7}}", "${7*7}", "<!--", "]]>", "\\", "\"",
    ];

    private static string Malformed(Random random) => random.Next(8) switch
    {
        0 => new string('é', random.Next(300, 6000)),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0x20, 0x2FF))),
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => MalformedValues[random.Next(MalformedValues.Length)],
    };

    /// <summary>What a browser would run: a script carrying a payload, an event handler, a javascript: address, an element a payload made up.</summary>
    private static IEnumerable<string> LiveMarkup(IDocument document)
    {
        foreach (var element in document.All)
        {
            if (element.LocalName == "aposart-xss")
            {
                yield return "élément <aposart-xss> interprété";
            }
            if (element.LocalName == "script" && element.TextContent.Contains("xss(", StringComparison.Ordinal))
            {
                yield return "script exécutable : " + element.OuterHtml;
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Contains("xss(", StringComparison.Ordinal))
                {
                    yield return "attribut d'événement : " + element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)];
                }
                if (attribute.Name is "href" or "src" or "action" or "formaction" && attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return "adresse javascript: " + element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)];
                }
            }
        }
    }

    /// <summary>Cells a spreadsheet would evaluate: starting with = + - @ and not a plain number.</summary>
    private static IEnumerable<string> FormulaCells(string csv) =>
        Cells(csv).Where(cell => cell.Length > 0 && "=+-@".Contains(cell[0]) && !PlainNumber().IsMatch(cell));

    /// <summary>The cells of a semicolon-separated file, quotes undone, header row included.</summary>
    private static List<string> Cells(string csv)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ';' or '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();

    [GeneratedRegex(@"\.(pdf|csv|ics|json|xml|txt|png|jpg|jpeg|webp|docx|xlsx)($|\?)|^/compte/deconnexion|^/dev/|^/desabonnement|/image$|/versions/", RegexOptions.IgnoreCase)]
    private static partial Regex SkippedLink();

    [GeneratedRegex(@"^-?\d+([.,]\d+)?$")]
    private static partial Regex PlainNumber();
}
