using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Aposart.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.ProSanteConnect;

/// <summary>The pages around the provider's round trip; the decisions are <see cref="ProSanteConnectSignIn"/>'s.</summary>
[Route(ProSanteConnectLinks.Start)]
public sealed class ProSanteConnectController(
    IOptions<ProSanteConnectOptions> options,
    ProSanteConnectSignIn workflow,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    ILogger<ProSanteConnectController> logger) : Controller
{
    private const string ExpiredMessage = "Votre connexion avec Pro Santé Connect a expiré : recommencez.";

    /// <summary>
    /// A link, not a form: the page's Content-Security-Policy (form-action 'self') stops a form whose answer redirects
    /// to another site, and starting the round trip changes nothing here (the state it carries is checked on return).
    /// </summary>
    [HttpGet("")]
    public IActionResult Start(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        // Identity's properties name the provider, without which it does not read the answer back from its external cookie.
        var properties = signIn.ConfigureExternalAuthenticationProperties(ProSanteConnectLinks.Scheme, ProSanteConnectLinks.ContinueTo(Local(returnUrl)));
        return Challenge(properties, ProSanteConnectLinks.Scheme);
    }

    [HttpGet("suite")]
    public async Task<IActionResult> Continue(string? returnUrl, CancellationToken cancellationToken) =>
        Follow(await workflow.ContinueAsync(User, cancellationToken), returnUrl);

    [HttpGet("premiere-connexion")]
    public async Task<IActionResult> FirstUse(string? returnUrl)
    {
        if (await workflow.PendingAsync() is not { } identity)
        {
            return Follow(new PscResult(PscStep.Expired), returnUrl);
        }
        return View(new PscFirstUsePage(identity, new PscLinkInput(), new PscCreateInput(), Local(returnUrl)));
    }

    [HttpPost("lier"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> Link([Bind(Prefix = nameof(PscFirstUsePage.Link))] PscLinkInput input, string? returnUrl,
        CancellationToken cancellationToken)
    {
        ModelState.Remove($"{nameof(PscFirstUsePage.Create)}.{nameof(PscCreateInput.Email)}");
        if (!ModelState.IsValid)
        {
            return await FirstUseAgainAsync(input, new PscCreateInput(), returnUrl);
        }
        var result = await workflow.LinkWithPasswordAsync(input.Email!, input.Password!, cancellationToken);
        if (result is { Step: PscStep.Refused, Field: { } field })
        {
            ModelState.AddModelError($"{nameof(PscFirstUsePage.Link)}.{field}", result.Message!);
            return await FirstUseAgainAsync(input, new PscCreateInput(), returnUrl);
        }
        return Follow(result, returnUrl);
    }

    [HttpPost("creer"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(PscFirstUsePage.Create))] PscCreateInput input, string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await FirstUseAgainAsync(new PscLinkInput(), input, returnUrl);
        }
        var result = await workflow.CreateAccountAsync(input.Email!, cancellationToken);
        if (result is { Step: PscStep.Refused, Field: { } field })
        {
            ModelState.AddModelError($"{nameof(PscFirstUsePage.Create)}.{field}", result.Message!);
            return await FirstUseAgainAsync(new PscLinkInput(), input, returnUrl);
        }
        return Follow(result, returnUrl);
    }

    /// <summary>After the local sign-out: the provider's end-session, then home.</summary>
    [HttpGet("fin-de-session")]
    public async Task<IActionResult> EndSession([FromServices] ProSanteConnectSignOut signOut, CancellationToken cancellationToken)
    {
        var idToken = TempData[ProSanteConnectSignOut.IdTokenItem] as string;
        if (User.Identity?.IsAuthenticated != true)
        {
            TempData["Message"] = "Vous êtes déconnecté.";
        }
        return idToken is not null && await signOut.EndSessionAsync(idToken, "/", cancellationToken) is { } endSession ? endSession : Redirect("/");
    }

    [Authorize, HttpPost("dissocier")]
    public async Task<IActionResult> Unlink()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.HasPasswordAsync(user))
        {
            TempData["Error"] = "Votre compte n'a pas de mot de passe : choisissez-en un (« Mot de passe oublié ? » sur la page de connexion) avant de dissocier Pro Santé Connect, sinon vous ne pourriez plus vous connecter.";
            return Redirect(AccountLinks.Security);
        }
        var login = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == ProSanteConnectLinks.Scheme);
        if (login is not null)
        {
            await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
            logger.LogInformation("Account {UserId} unlinked Pro Santé Connect", user.Id);
        }
        TempData["Message"] = "Pro Santé Connect n'est plus associé à votre compte.";
        return Redirect(AccountLinks.Security);
    }

    private async Task<IActionResult> FirstUseAgainAsync(PscLinkInput link, PscCreateInput create, string? returnUrl)
    {
        if (await workflow.PendingAsync() is not { } identity)
        {
            return Follow(new PscResult(PscStep.Expired), returnUrl);
        }
        link.Password = null;
        return View(nameof(FirstUse), new PscFirstUsePage(identity, link, create, Local(returnUrl)));
    }

    private IActionResult Follow(PscResult result, string? returnUrl)
    {
        switch (result.Step)
        {
            case PscStep.SignedIn:
                return Redirect(Local(returnUrl) ?? Home.MemberHomeController.Path);
            case PscStep.FirstUse:
                return Redirect(Local(returnUrl) is { } back ? $"{ProSanteConnectLinks.FirstUse}?returnUrl={Uri.EscapeDataString(back)}" : ProSanteConnectLinks.FirstUse);
            case PscStep.CheckMail:
                return Redirect(AccountLinks.RegisterDone);
            default:
                TempData["Error"] = result.Message ?? ExpiredMessage;
                return Redirect(User.Identity?.IsAuthenticated == true ? AccountLinks.Security : AccountLinks.LoginPath);
        }
    }

    private string? Local(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
