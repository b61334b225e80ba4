using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Account;

[Route("compte")]
public sealed class AccountController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountMails mails,
    Infrastructure.Settings.FirstRunChecklist firstRun,
    Data.AposartDbContext db,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    private const string WrongCredentials = "Adresse e-mail ou mot de passe incorrect.";
    private const string LockedOut =
        "Ce compte est verrouillé pour 15 minutes après plusieurs essais infructueux. Réessayez plus tard ou choisissez un nouveau mot de passe.";

    // Hashing a password for an unknown address too keeps both answers equally slow.
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());

    [HttpGet("inscription")]
    public IActionResult Register() => View(new RegisterInput());

    [HttpPost("inscription"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> Register(RegisterInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var email = input.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FirstName = input.FirstName!.Trim(),
            LastName = input.LastName!.Trim(),
        };
        // The password is judged before the address is looked up, so that the answer never tells whether an account exists.
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(input.Password), error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            await mails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return Redirect(AccountLinks.RegisterDone);
        }
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email),
                    error.Description);
            }
            return View(input);
        }
        await users.AddToRoleAsync(user, Roles.Professional);
        logger.LogInformation("Account {UserId} registered", user.Id);
        await mails.SendConfirmationAsync(user, cancellationToken);
        return Redirect(AccountLinks.RegisterDone);
    }

    [HttpGet(AccountLinks.RegisterDone)]
    public IActionResult RegisterDone() => View();

    [HttpGet("confirmation")]
    public async Task<IActionResult> ConfirmEmail(string? utilisateur, string? code)
    {
        var token = AccountMails.Decode(code);
        var user = Guid.TryParse(utilisateur, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        var confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (confirmed)
        {
            logger.LogInformation("Account {UserId} confirmed its email", user!.Id);
        }
        return View(confirmed);
    }

    [HttpGet("renvoyer-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailInput());

    [HttpPost("renvoyer-confirmation"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> ResendConfirmation(EmailInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is { EmailConfirmed: false })
        {
            await mails.SendConfirmationAsync(user, cancellationToken);
        }
        return Redirect(AccountLinks.RegisterDone);
    }

    [HttpGet("connexion")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("connexion"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, input.Password!);
            return LoginFailed(input, WrongCredentials);
        }
        var result = await signIn.PasswordSignInAsync(user, input.Password!, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in", user.Id);
            await RecordSignInAsync(user);
            return await LandingAsync(user, input.ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = input.ReturnUrl, rememberMe = input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserId} is locked out", user.Id);
            return LoginFailed(input, LockedOut);
        }
        // Identity refuses an unconfirmed account before it checks the password: say why only to whoever knows it.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, input.Password!))
        {
            ViewData["Unconfirmed"] = true;
            return LoginFailed(input, "Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien reçu par courriel.");
        }
        logger.LogWarning("Failed sign-in for account {UserId}", user.Id);
        return LoginFailed(input, WrongCredentials);
    }

    [HttpGet("connexion-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }
        return View(new TwoFactorInput { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("connexion-2fa"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var code = input.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, input.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(input.Code!.Trim());
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in with a second factor", user.Id);
            await RecordSignInAsync(user);
            return await LandingAsync(user, input.ReturnUrl);
        }
        ModelState.AddModelError(nameof(input.Code), result.IsLockedOut ? LockedOut : "Ce code n'est pas valable. Vérifiez l'heure de votre téléphone et réessayez.");
        return View(input);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout([FromServices] ProSanteConnect.ProSanteConnectSignOut psc)
    {
        // Read before the local sign-out forgets them: how the session was opened, and the token the provider's end-session wants.
        var viaPsc = ProSanteConnect.ProSanteConnectSignOut.OpenedBy(User);
        var idToken = viaPsc ? await HttpContext.GetTokenAsync("id_token") : null;
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new stamp ends the sessions of this account on every other device too.
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        if (viaPsc && psc.Offered)
        {
            // The provider's session is ended from a page of its own: this form's answer may not redirect to another site
            // (Content-Security-Policy form-action 'self'), a new navigation may.
            TempData[ProSanteConnect.ProSanteConnectSignOut.IdTokenItem] = idToken;
            // This very answer is drawn signed out, as the next ones will be.
            HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            return View("EndingSession");
        }
        TempData["Message"] = "Vous êtes déconnecté.";
        return Redirect("/");
    }

    [HttpGet("mot-de-passe-oublie")]
    public IActionResult ForgotPassword() => View(new EmailInput());

    [HttpPost("mot-de-passe-oublie"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> ForgotPassword(EmailInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is not null)
        {
            await mails.SendPasswordResetAsync(user, cancellationToken);
        }
        return View("ForgotPasswordDone");
    }

    [HttpGet("reinitialisation")]
    public IActionResult ResetPassword(string? utilisateur, string? code) =>
        View(new ResetPasswordInput { UserId = utilisateur, Code = code });

    [HttpPost("reinitialisation"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var user = Guid.TryParse(input.UserId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        var token = AccountMails.Decode(input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", "Ce lien n'est plus valable : demandez un nouveau courriel.");
            return View(input);
        }
        var result = await users.ResetPasswordAsync(user, token, input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : nameof(input.Password), error.Description);
            }
            return View(input);
        }
        // The mailed link proves the address as well as the confirmation link would.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Account {UserId} reset its password", user.Id);
        TempData["Message"] = "Votre mot de passe a été changé. Vous pouvez vous connecter.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("acces-refuse")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private ViewResult LoginFailed(LoginInput input, string message)
    {
        ModelState.AddModelError("", message);
        return View(nameof(Login), input);
    }

    /// <summary>For the administrators' list of accounts; written straight, so that it does not touch the account's concurrency stamp.</summary>
    private Task RecordSignInAsync(AppUser user) =>
        db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, clock.GetUtcNow()));

    /// <summary>
    /// The page the person came from; otherwise their home, except for the administrator and the coordination of a portal
    /// still being set up, who land on the first-run checklist.
    /// </summary>
    private async Task<IActionResult> LandingAsync(AppUser user, string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }
        if ((await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Coordinator))
            && !(await firstRun.StatusAsync(HttpContext.RequestAborted)).Complete)
        {
            return Redirect(Settings.SettingsLinks.Checklist);
        }
        return Redirect(Home.MemberHomeController.Path);
    }
}
