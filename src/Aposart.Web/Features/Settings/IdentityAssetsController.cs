using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Settings;

/// <summary>The public files of the identity: logo, theme colour, statutes and règlement intérieur.</summary>
public sealed class IdentityAssetsController(PortalSettings settings, AposartDbContext db, SiteIcons icons, IOptions<CptsOptions> cpts) : Controller
{
    private const string KeptForAYear = "public, max-age=31536000, immutable";

    /// <summary>Icons carry their version in the address (the pages name them with it): kept for a year.</summary>
    [HttpGet(SettingsLinks.IconRoute)]
    public IActionResult Icon(int size)
    {
        if (!SiteIcons.Sizes.Contains(size))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = KeptForAYear;
        return File(icons.Png(size), "image/png");
    }

    /// <summary>Its address is fixed, so it is kept only a day: a new logo shows in the tabs the next day at the latest.</summary>
    [HttpGet(SettingsLinks.Favicon)]
    public IActionResult Favicon()
    {
        Response.Headers.CacheControl = "public, max-age=86400";
        return File(icons.Png(32), "image/png");
    }

    [HttpGet(SettingsLinks.Manifest)]
    public IActionResult Manifest()
    {
        var identity = cpts.Value;
        var version = icons.Version;
        Response.Headers.CacheControl = "public, max-age=86400";
        var manifest = new
        {
            name = identity.Name,
            short_name = identity.ShortName,
            lang = "fr",
            start_url = "/",
            display = "browser",
            theme_color = icons.ThemeColour,
            background_color = "#ffffff",
            icons = new[] { 192, 512 }.Select(size => new { src = SettingsLinks.Icon(size, version), sizes = $"{size}x{size}", type = "image/png" }),
        };
        return new JsonResult(manifest) { ContentType = "application/manifest+json" };
    }

    /// <summary>The address carries the logo's version: a browser may keep it for a year, a new logo gets a new address.</summary>
    [HttpGet(SettingsLinks.PublicLogo)]
    public IActionResult Logo()
    {
        if (settings.Get(SettingsSections.Logo) is not { Base64.Length: > 0 } logo)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = KeptForAYear;
        // An SVG opened on its own must not run anything, even though it was cleaned when it was saved.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return File(Convert.FromBase64String(logo.Base64), logo.ContentType);
    }

    /// <summary>The theme's main colour as a tiny style sheet: the site's security policy allows no inline style.</summary>
    [HttpGet(SettingsLinks.PublicTheme)]
    public IActionResult Theme()
    {
        var colour = settings.Get(SettingsSections.Identity)?.MainColour;
        if (!ThemeColour.TryParse(colour, out var rgb))
        {
            return Content("", "text/css");
        }
        var darker = ThemeColour.Darker(rgb);
        Response.Headers.CacheControl = KeptForAYear;
        return Content(string.Create(CultureInfo.InvariantCulture, $$"""
            :root { --cpts-main: {{colour}}; }
            .btn-primary { --bs-btn-bg: {{colour}}; --bs-btn-border-color: {{colour}}; --bs-btn-hover-bg: {{darker}}; --bs-btn-hover-border-color: {{darker}}; --bs-btn-active-bg: {{darker}}; --bs-btn-active-border-color: {{darker}}; --bs-btn-disabled-bg: {{colour}}; --bs-btn-disabled-border-color: {{colour}}; }
            .btn-outline-primary { --bs-btn-color: {{colour}}; --bs-btn-border-color: {{colour}}; --bs-btn-hover-bg: {{colour}}; --bs-btn-hover-border-color: {{colour}}; --bs-btn-active-bg: {{darker}}; }
            a:not(.btn):not(.nav-link):not(.dropdown-item):not(.navbar-brand) { color: {{colour}}; }
            """), "text/css");
    }

    [HttpGet(SettingsLinks.StatutesDocumentRoute)]
    public async Task<IActionResult> Statutes(int id, CancellationToken cancellationToken)
    {
        var document = await db.StatutesVersions.AsNoTracking().Where(s => s.Id == id && s.Pdf != null)
            .Select(s => new { s.Kind, s.AdoptedOn, s.Pdf }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        var name = document.Kind == StatutesKind.Statutes ? "statuts" : "reglement-interieur";
        return File(document.Pdf!, "application/pdf", $"{name}-{document.AdoptedOn:yyyy-MM-dd}.pdf");
    }
}
