using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// The association's settings, from the browser: identity, logo, texts, mail sender and rules. The administrator sets
/// everything; the coordination writes the texts. Each save is a new version, in force at the next request.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class SettingsController(AposartDbContext db, UserManager<AppUser> users, PortalSettings settings, SettingsPageBuilder pages,
    MailTest mailTest) : Controller
{
    [HttpGet(SettingsLinks.Index)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await pages.BuildAsync(User, cancellationToken));

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.Identity)]
    public Task<IActionResult> Identity([Bind(Prefix = "Identity")] IdentityInput input, CancellationToken cancellationToken) =>
        SaveOrShowAsync(SettingsSections.Identity, input.ToSettings, () => pages.BuildAsync(User, cancellationToken, identity: input),
            "L'identité de la CPTS est enregistrée : les pages, les courriels et les PDF l'affichent dès maintenant.", "identite", cancellationToken);

    [HttpPost(SettingsLinks.Texts)]
    public Task<IActionResult> Texts([Bind(Prefix = "Texts")] TextsInput input, CancellationToken cancellationToken) =>
        SaveOrShowAsync(SettingsSections.Texts, input.ToSettings, () => pages.BuildAsync(User, cancellationToken, texts: input),
            "Les textes sont enregistrés et publiés.", "textes", cancellationToken);

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.MailSender)]
    public Task<IActionResult> MailSender([Bind(Prefix = "MailSender")] MailSenderInput input, CancellationToken cancellationToken) =>
        SaveOrShowAsync(SettingsSections.MailSender, input.ToSettings, () => pages.BuildAsync(User, cancellationToken, mailSender: input),
            "L'expéditeur des courriels est enregistré. Envoyez-vous un courriel de test pour vérifier que le serveur l'accepte.", "courriel", cancellationToken);

    /// <summary>Sends a mail to the person asking, now and not through the outbox, to report the server's answer.</summary>
    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.MailTest)]
    public async Task<IActionResult> SendTestMail(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me?.Email is null)
        {
            return Challenge();
        }
        var outcome = await mailTest.SendAsync(me, cancellationToken);
        TempData[outcome.Succeeded ? "Message" : "Error"] = outcome.Message;
        return Redirect(SettingsLinks.Section("courriel"));
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.Rules)]
    public Task<IActionResult> Rules([Bind(Prefix = "Rules")] RulesInput input, CancellationToken cancellationToken) =>
        SaveOrShowAsync(SettingsSections.Rules, input.ToSettings, () => pages.BuildAsync(User, cancellationToken, rules: input),
            "Les règles sont enregistrées.", "regles", cancellationToken);

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.Logo), RequestSizeLimit(LogoFile.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Logo(IFormFile? logo, CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (logo is not null)
        {
            using var buffer = new MemoryStream();
            await logo.OpenReadStream().CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var (type, bytes, error) = LogoFile.Check(content);
        if (error is not null)
        {
            ModelState.AddModelError("logo", error);
            return View("Index", await pages.BuildAsync(User, cancellationToken));
        }
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes!))[..16];
        await SaveAsync(SettingsSections.Logo, new LogoSettings { ContentType = type!, Base64 = Convert.ToBase64String(bytes!), Version = version }, cancellationToken);
        return Saved("Le logo est enregistré et affiché en tête de chaque page.", "logo");
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(SettingsLinks.LogoRemoval)]
    public async Task<IActionResult> RemoveLogo(CancellationToken cancellationToken)
    {
        await SaveAsync(SettingsSections.Logo, new LogoSettings(), cancellationToken);
        return Saved("Le logo est retiré.", "logo");
    }

    /// <summary>A valid form becomes the section's new version; an invalid one comes back with its messages and what was typed.</summary>
    private async Task<IActionResult> SaveOrShowAsync<T>(SettingsSection<T> section, Func<T> value, Func<Task<SettingsPage>> page, string message, string anchor,
        CancellationToken cancellationToken) where T : class
    {
        if (!ModelState.IsValid)
        {
            return View("Index", await page());
        }
        await SaveAsync(section, value(), cancellationToken);
        return Saved(message, anchor);
    }

    private async Task SaveAsync<T>(SettingsSection<T> section, T value, CancellationToken cancellationToken) where T : class
    {
        var me = await users.GetUserAsync(User);
        await settings.SaveAsync(db, section, value, me?.Id, me?.NameOrEmail ?? User.Identity?.Name ?? "", cancellationToken);
    }

    private RedirectResult Saved(string message, string anchor)
    {
        TempData["Message"] = message;
        return Redirect(SettingsLinks.Section(anchor));
    }
}
