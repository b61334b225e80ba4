using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Aposart.EndToEnd.Support;

/// <summary>axe-core's WCAG 2.1 A and AA rules, as every browser test runs them.</summary>
public static class Axe
{
    public static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>The page as it stands has no violation; the message names each one with the first elements concerned.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0, page.Url + ": " + string.Join('\n', result.Violations.Select(v => $"{v.Id} {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
