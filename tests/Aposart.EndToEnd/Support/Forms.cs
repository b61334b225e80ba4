using Microsoft.Playwright;

namespace Aposart.EndToEnd.Support;

/// <summary>Fills a form field by field, as a person would: typing into boxes, choosing in lists, ticking boxes.</summary>
public static class Forms
{
    public static async Task FillAsync(IPage page, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var scope = formSelector is null ? page.Locator("main") : page.Locator(formSelector);
        foreach (var (name, value) in fields)
        {
            var field = scope.Locator($"[name='{name}']:not([type=hidden])");
            var count = await field.CountAsync();
            Assert.True(count > 0, $"No field named {name} on {page.Url}");
            var first = field.First;
            var tag = await first.EvaluateAsync<string>("e => e.tagName.toLowerCase()");
            var type = await first.GetAttributeAsync("type") ?? "";
            if (tag == "select")
            {
                await first.SelectOptionAsync(value);
            }
            else if (type == "checkbox")
            {
                await first.SetCheckedAsync(value == "true");
            }
            else if (type == "radio")
            {
                await scope.Locator($"[name='{name}'][value='{value}']").CheckAsync();
            }
            else
            {
                await first.FillAsync(value);
            }
        }
    }

    /// <summary>Clicks the submit button of the form posting to <paramref name="action"/> and waits for the next page.</summary>
    public static Task SubmitAsync(IPage page, string action) =>
        ClickToNextPageAsync(page, page.Locator($"form[action='{action}'] [type=submit]").First);

    /// <summary>Clicks and waits until another document has loaded (a form posts, then the portal redirects).</summary>
    public static async Task ClickToNextPageAsync(IPage page, ILocator target)
    {
        await page.EvaluateAsync("() => { window.aposartPreviousPage = true; }");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.aposartPreviousPage === undefined && document.readyState === 'complete'");
    }
}
