using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Account;

public sealed class StaffSecurityOptions
{
    public const string Section = "Security";

    /// <summary>Administrators, bureau members and coordinators reach the back office only with a second factor (on by default).</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
}

/// <summary>
/// Someone holding a role that opens the members' data (Admin, Bureau, Coordinateur) without a second factor is sent to
/// set one up before any back-office page, unless the session was opened with Pro Santé Connect (a CPS card or the e-CPS
/// app are themselves two factors). Roles are read afresh at each request (the security stamp is validated every
/// time), so a role given a minute ago counts at once.
/// </summary>
public sealed class StaffTwoFactorMiddleware(RequestDelegate next, IOptions<StaffSecurityOptions> options)
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Board, Roles.Coordinator];

    public async Task InvokeAsync(HttpContext context, UserManager<AppUser> users, ITempDataDictionaryFactory tempData)
    {
        if (options.Value.RequireTwoFactorForStaff && context.Request.Path.StartsWithSegments("/gestion")
            && context.User.Identity?.IsAuthenticated == true && StaffRoles.Any(context.User.IsInRole)
            && !ProSanteConnect.ProSanteConnectSignOut.OpenedBy(context.User)
            && await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
        {
            var data = tempData.GetTempData(context);
            data["Error"] = "Votre rôle donne accès aux données des membres : activez la double authentification pour continuer.";
            data.Save();
            context.Response.Redirect(AccountLinks.TwoFactor);
            return;
        }
        await next(context);
    }
}
