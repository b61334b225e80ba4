using Aposart.Web.Features.ProSanteConnect;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Aposart.Web.Configuration;

/// <summary>
/// Pro Santé Connect as an OpenID Connect provider: authorization code with PKCE, the answer read back from the query string,
/// the person's identity kept in Identity's external cookie until <see cref="ProSanteConnectSignIn"/> ties it to an account.
/// Nothing is registered when the portal has no client id.
/// </summary>
public static class ProSanteConnectSetup
{
    public static IServiceCollection AddProSanteConnect(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ProSanteConnectOptions.Section);
        services.Configure<ProSanteConnectOptions>(section);
        services.AddScoped<ProSanteConnectSignIn>();
        services.AddScoped<ProSanteConnectSignOut>();
        var psc = section.Get<ProSanteConnectOptions>() ?? new ProSanteConnectOptions();
        if (!psc.Enabled)
        {
            return services;
        }
        services.AddAuthentication().AddOpenIdConnect(ProSanteConnectLinks.Scheme, ProSanteConnectLinks.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.MetadataAddress = psc.MetadataAddress;
            options.RequireHttpsMetadata = psc.RequireHttpsMetadata;
            options.ClientId = psc.ClientId;
            options.ClientSecret = psc.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query string: a top-level GET keeps the correlation cookie under SameSite=Lax,
            // where the default form post would need SameSite=None.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in psc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }
            options.CallbackPath = ProSanteConnectLinks.Callback;
            options.SignedOutCallbackPath = ProSanteConnectLinks.SignedOutCallback;
            // The identity token is kept for the end-session request (id_token_hint); the profession is only in the user-info answer.
            options.SaveTokens = true;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapUniqueJsonKey("SubjectNameID", "SubjectNameID");
            options.ClaimActions.MapUniqueJsonKey("SubjectRefPro", "SubjectRefPro");
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRedirectToIdentityProvider = context =>
            {
                if (!string.IsNullOrWhiteSpace(psc.AcrValues))
                {
                    context.ProtocolMessage.AcrValues = psc.AcrValues;
                }
                return Task.CompletedTask;
            };
            options.Events.OnTokenValidated = context =>
            {
                // Asked is not obtained: a provider answering with a weaker level than the one configured is refused.
                var acr = context.SecurityToken?.Claims.FirstOrDefault(c => c.Type == "acr")?.Value;
                if (!string.IsNullOrWhiteSpace(psc.AcrValues) && !psc.AcrValues.Split(' ').Contains(acr))
                {
                    context.Fail($"The identity token's acr '{acr}' is not one of '{psc.AcrValues}'.");
                }
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue(ProSanteConnectSignOut.IdTokenItem, out var idToken) && !string.IsNullOrEmpty(idToken))
                {
                    context.ProtocolMessage.IdTokenHint = idToken;
                }
                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                // A refused answer (forged or replayed state, wrong audience, expired token, cancelled at the provider)
                // sends the person back to the sign-in page with a French sentence, never to an error page.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProSanteConnectSetup))
                    .LogWarning(context.Failure, "Pro Santé Connect sign-in refused");
                var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
                tempData["Error"] = "La connexion avec Pro Santé Connect n'a pas abouti. Recommencez, ou connectez-vous avec votre mot de passe.";
                tempData.Save();
                context.Response.Redirect(Features.Account.AccountLinks.LoginPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
