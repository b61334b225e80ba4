using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Aposart.Web.Features.Account;

[Authorize, Route("compte/securite")]
public sealed class SecurityController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptions<CptsOptions> cpts,
    IOptions<ProSanteConnect.ProSanteConnectOptions> psc,
    ILogger<SecurityController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Security", await PageAsync(new ChangePasswordInput()));

    [HttpPost("mot-de-passe"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = nameof(SecurityPage.ChangePassword))] ChangePasswordInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            if (result.Succeeded)
            {
                // The new security stamp ends the other sessions; this one is renewed.
                await signIn.RefreshSignInAsync(user);
                logger.LogInformation("Account {UserId} changed its password", user.Id);
                TempData["Message"] = "Votre mot de passe a été changé. Vos autres sessions ont été fermées.";
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? nameof(ChangePasswordInput.CurrentPassword)
                    : nameof(ChangePasswordInput.NewPassword);
                ModelState.AddModelError($"{nameof(SecurityPage.ChangePassword)}.{field}", error.Description);
            }
        }
        return View("Security", await PageAsync(input, user));
    }

    [HttpGet("double-authentification")]
    public async Task<IActionResult> EnableAuthenticator()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await AuthenticatorPageAsync(user, new EnableAuthenticatorInput()));
    }

    [HttpPost("double-authentification"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> EnableAuthenticator([Bind(Prefix = nameof(AuthenticatorPage.Input))] EnableAuthenticatorInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var code = input.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
                logger.LogInformation("Account {UserId} enabled two-factor authentication", user.Id);
                return View("RecoveryCodes", recoveryCodes.ToList());
            }
            ModelState.AddModelError($"{nameof(AuthenticatorPage.Input)}.{nameof(input.Code)}", "Ce code n'est pas valable. Vérifiez l'heure de votre téléphone et réessayez.");
        }
        return View(await AuthenticatorPageAsync(user, input));
    }

    [HttpPost("double-authentification/desactiver"), EnableRateLimiting(RateLimitOptions.AuthPolicy)]
    public async Task<IActionResult> DisableTwoFactor([Bind(Prefix = nameof(SecurityPage.Disable))] PasswordConfirmInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid && await users.CheckPasswordAsync(user, input.Password!))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("Account {UserId} disabled two-factor authentication", user.Id);
            TempData["Message"] = "La double authentification est désactivée.";
            return RedirectToAction(nameof(Index));
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(SecurityPage.Disable)}.{nameof(PasswordConfirmInput.Password)}", "Mot de passe incorrect.");
        }
        return View("Security", await PageAsync(new ChangePasswordInput(), user));
    }

    private async Task<SecurityPage> PageAsync(ChangePasswordInput changePassword, AppUser? user = null)
    {
        user ??= await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new SecurityPage(
            user.Email!,
            await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user),
            changePassword,
            new PasswordConfirmInput(),
            await users.HasPasswordAsync(user),
            psc.Value.Enabled,
            (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == ProSanteConnect.ProSanteConnectLinks.Scheme));
    }

    private async Task<AuthenticatorPage> AuthenticatorPageAsync(AppUser user, EnableAuthenticatorInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which would otherwise end this very session.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        }
        var issuer = Uri.EscapeDataString(cpts.Value.ShortName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorPage(FormatKey(key), "data:image/png;base64," + Convert.ToBase64String(png), input);
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}

public sealed record SecurityPage(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, ChangePasswordInput ChangePassword, PasswordConfirmInput Disable,
    bool HasPassword = true, bool ProSanteConnectOffered = false, bool ProSanteConnectLinked = false);

public sealed record AuthenticatorPage(string SharedKey, string QrCodeDataUri, EnableAuthenticatorInput Input);
