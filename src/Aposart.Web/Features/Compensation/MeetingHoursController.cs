using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Compensation;

/// <summary>Confirming the prefilled hours of a working-group meeting.</summary>
[Authorize]
public sealed class MeetingHoursController(AposartDbContext db, UserManager<AppUser> users, MeetingHours hours) : Controller
{
    [HttpPost(CompensationLinks.ConfirmMeetingRoute)]
    public async Task<IActionResult> Confirm(Guid meetingId, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        if (me is null)
        {
            return Redirect(Features.Profile.ProfileLinks.Edit);
        }
        var error = await hours.ConfirmAsync(me.Id, meetingId, (await users.GetUserAsync(User))!.NameOrEmail, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Heures déclarées : elles seront payées une fois validées par la coordination.";
        return Redirect(CompensationLinks.Mine);
    }
}
