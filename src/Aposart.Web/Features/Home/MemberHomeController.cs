using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Home;

[Authorize]
public sealed class MemberHomeController(UserManager<AppUser> users, MemberHome home) : Controller
{
    public const string Path = "/espace";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await home.BuildAsync((await users.GetUserAsync(User))!, cancellationToken));
}
