using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Aposart.Web.Tests.Support;

/// <summary>A minimal browser over HttpClient: keeps cookies, follows redirects, and submits forms the way a
/// user would, with whatever hidden fields (antiforgery token included) the page gave.</summary>
public sealed class Browser(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<Page> GetAsync(string url) => await ReadAsync(await http.GetAsync(url));

    public async Task<Page> SubmitAsync(Page page, string formAction, IDictionary<string, string> fields)
    {
        var form = page.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.GetAttribute("action") == formAction)
            ?? throw new InvalidOperationException($"No form posting to {formAction} on {page.Url}: {page.Text}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name:
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
                    {
                        continue;
                    }
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        return await PostAsync(formAction, values);
    }

    /// <summary>Posts with the antiforgery token of a page this browser opened, and nothing else but the given fields.</summary>
    public Task<Page> PostFromAsync(Page page, string url, params (string Name, string Value)[] fields) =>
        PostAsync(url, [new("__RequestVerificationToken", page.Token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>Posts a multipart form with one file, with the antiforgery token of a page this browser opened.</summary>
    public async Task<Page> UploadAsync(Page page, string url, (string Field, byte[] Content, string FileName) file, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent { { new StringContent(page.Token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new ByteArrayContent(file.Content), file.Field, file.FileName);
        return await ReadAsync(await http.PostAsync(url, form));
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values) =>
        await ReadAsync(await http.PostAsync(url, new FormUrlEncodedContent(values)));

    /// <summary>Opens a page, fills the form that posts to the same address, submits it.</summary>
    public async Task<Page> FillAsync(string url, IDictionary<string, string> fields) =>
        await SubmitAsync(await GetAsync(url), url, fields);

    public Task<Page> LogInAsync(string email, string password) =>
        FillAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async Task<Page> LogOutAsync()
    {
        var home = await GetAsync("/");
        return await SubmitAsync(home, "/compte/deconnexion", new Dictionary<string, string>());
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, Parser.ParseDocument(html), html);
    }
}

public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, string Html)
{
    public HttpStatusCode Status => Response.StatusCode;
    public string Url => Response.RequestMessage?.RequestUri?.PathAndQuery ?? "";
    public string Text => Document.Body?.TextContent is { } text ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : "";
    public bool IsSignedIn => Document.QuerySelector("form[action='/compte/deconnexion']") is not null;

    /// <summary>The French message shown next to a field, as the field's aria-describedby points to it.</summary>
    public string? ErrorFor(string fieldName)
    {
        var input = Document.QuerySelector($"[name='{fieldName}']:not([type=hidden])");
        // A group of radio buttons points to its one message through aria-describedby.
        var described = input?.GetAttribute("aria-describedby")?.Split(' ').FirstOrDefault(token => token.EndsWith("-error", StringComparison.Ordinal));
        var id = described ?? (input?.GetAttribute("id") is { } own ? own + "-error" : null);
        return id is null ? null : Document.GetElementById(id)?.TextContent.Trim();
    }

    public string? ValueOf(string fieldName) => Document.QuerySelector($"[name='{fieldName}']:not([type=hidden])") switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.IsSelected)?.Value,
        _ => null,
    };

    /// <summary>Forbidden, whether answered as 403 or by the access-denied page.</summary>
    public bool IsRefused => Status == HttpStatusCode.Forbidden || Url.StartsWith("/compte/acces-refuse", StringComparison.Ordinal);

    /// <summary>The page's antiforgery token, to post what no form on the page offers (as an attacker would).</summary>
    public string Token => Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";

    public string FormErrors => Document.GetElementById("erreurs-formulaire")?.TextContent.Trim() ?? "";

    public IElement? Find(string selector) => Document.QuerySelector(selector);
}
