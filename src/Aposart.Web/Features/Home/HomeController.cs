using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
