using Aposart.Web.Tests.Support;
using Microsoft.Playwright;

namespace Aposart.EndToEnd.Support;

/// <summary>
/// The real app on Kestrel, on a free port, with a fresh database and the test SMTP server, driven by Debian's
/// Chromium. The address is also the portal's public address, so the links in its mails open in the browser.
/// </summary>
public class LivePortal : PortalFactory
{
    private IPlaywright? playwright;
    private IBrowser? chromium;

    public string Address { get; }

    public LivePortal()
    {
        var port = FreePorts.Next();
        Address = $"http://localhost:{port}";
        UseKestrel(port);
        With("Cpts:PublicUrl", Address);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new()
        {
            // Debian's browser: nothing is downloaded (scripts/test.sh installs the chromium package).
            ExecutablePath = Environment.GetEnvironmentVariable("APOSART_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.CloseAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh browser profile (its own cookies) on a desktop-sized window, French, in Paris.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await chromium!.NewContextAsync(new()
        {
            BaseURL = Address,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = Desktop,
        });
        // Generous: the suite shares two cores with PostgreSQL, the SMTP sink and the portal. Every wait is for a state, so a fast
        // machine loses nothing; the assertions' own default (5 s) once failed a journey on a loaded machine.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        // The portal asks before sending or cancelling: the person says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    public async Task<IPage> SignedInPageAsync(string email, string password = Password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.Locator("input[name='Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.Locator("form[action='/compte/deconnexion']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Full-page screenshots of the current screen at desktop and phone widths, kept as test artefacts.</summary>
    public static async Task ScreenshotAsync(IPage page, string journey, string screen)
    {
        var directory = Path.Combine(RepoPaths.Root, "artifacts", "test-results", "screenshots", journey);
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{screen}-ordinateur.png"), FullPage = true });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        // Nothing may stick out sideways on a phone: wide tables scroll inside their own box.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{journey}/{screen}: the page is {overflow}px wider than a phone screen ({page.Url})");
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{screen}-telephone.png"), FullPage = true });
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }
}

/// <summary>The live portal with the demo data of scripts/run.sh, for pages that need content to be judged.</summary>
public sealed class DemoLivePortal : LivePortal
{
    public DemoLivePortal() => WithDemoData();
}
