using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Settings;

/// <summary>The first-run checklist: each step of setting up a new portal, done or to do, with a link to its screen.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ChecklistController(FirstRunChecklist checklist, PortalSettings settings, AposartDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    [HttpGet(SettingsLinks.Checklist)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View("Checklist", await checklist.StatusAsync(cancellationToken));

    [HttpPost(SettingsLinks.TerritoryChecked)]
    public async Task<IActionResult> TerritoryChecked(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        await settings.SaveAsync(db, FirstRunChecklist.TerritoryChecked, new FirstRunMarker { At = clock.GetUtcNow(), By = me?.NameOrEmail ?? "" },
            me?.Id, me?.NameOrEmail ?? "", cancellationToken);
        TempData["Message"] = "Le territoire est noté comme vérifié.";
        return Redirect(SettingsLinks.Checklist);
    }

    /// <summary>Where each step is done.</summary>
    public static string LinkOf(FirstRunStep step) => step switch
    {
        FirstRunStep.Identity => SettingsLinks.Section("identite"),
        FirstRunStep.Logo => SettingsLinks.Section("logo"),
        FirstRunStep.Territory => Cpts.CptsLinks.Territory,
        FirstRunStep.MailTest => SettingsLinks.Section("courriel"),
        FirstRunStep.Fees => SettingsLinks.Section("cotisations"),
        FirstRunStep.Statutes => SettingsLinks.Section("statuts"),
        FirstRunStep.Team => Accounts.AccountsLinks.Invite,
        _ => News.NewsLinks.Manage,
    };
}
