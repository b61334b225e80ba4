using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Operations;

/// <summary>The health page: what an administrator checks before anyone complains (mail, backups, jobs, disk, DNS).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class OperationsController(StatusReport report, DkimSigning dkim, PortalSettings settings, AposartDbContext db,
    UserManager<AppUser> users) : Controller
{
    [HttpGet(OperationsLinks.Status)]
    public async Task<IActionResult> Status(CancellationToken cancellationToken) => View(await report.BuildAsync(cancellationToken));

    /// <summary>A new key signs from now on; the page then shows the TXT record to publish under its selector.</summary>
    [HttpPost(OperationsLinks.DkimKey)]
    public async Task<IActionResult> DkimKey([Bind(Prefix = "DkimInput")] DkimKeyInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Status", await report.BuildAsync(cancellationToken, input));
        }
        var me = await users.GetUserAsync(User);
        var key = dkim.Generate(input.Domain.Trim().ToLowerInvariant(), input.Selector.Trim());
        await settings.SaveAsync(db, SettingsSections.Dkim, key, me?.Id, me?.NameOrEmail ?? "", cancellationToken);
        TempData["Message"] = $"Nouvelle clé DKIM en service (sélecteur {key.Selector}). Publiez l'enregistrement TXT ci-dessous : tant qu'il manque, les messageries ne peuvent pas vérifier la signature.";
        return Redirect(OperationsLinks.Section("dns"));
    }
}
