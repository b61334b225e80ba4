using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.ProSanteConnect;

/// <summary>
/// Signing out of a session opened with Pro Santé Connect ends the provider's session too, when its metadata names an
/// end-session endpoint; otherwise (or when the provider cannot be reached) the local sign-out is all.
/// </summary>
public sealed class ProSanteConnectSignOut(IOptions<ProSanteConnectOptions> psc, IOptionsMonitor<OpenIdConnectOptions> oidc,
    ILogger<ProSanteConnectSignOut> logger)
{
    public const string IdTokenItem = "psc.id_token";

    public static bool OpenedBy(ClaimsPrincipal user) => user.HasClaim(ClaimTypes.AuthenticationMethod, ProSanteConnectLinks.Scheme);

    public bool Offered => psc.Value.Enabled;

    /// <summary>The redirection to the provider's end-session endpoint, coming back to <paramref name="returnTo"/>; null when there is none.</summary>
    public async Task<IActionResult?> EndSessionAsync(string? idToken, string returnTo, CancellationToken cancellationToken)
    {
        if (!psc.Value.Enabled)
        {
            return null;
        }
        try
        {
            var options = oidc.Get(ProSanteConnectLinks.Scheme);
            var configuration = options.ConfigurationManager is null ? null : await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
            if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning(exception, "Pro Santé Connect's metadata could not be read: the provider's session is left open");
            return null;
        }
        var properties = new AuthenticationProperties { RedirectUri = returnTo };
        if (idToken is not null)
        {
            properties.Items[IdTokenItem] = idToken;
        }
        return new SignOutResult([ProSanteConnectLinks.Scheme], properties);
    }
}
