using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Aposart.Web.Tests.Support;

/// <summary>A person as Pro Santé Connect describes them: the claims its documentation lists for the user-info answer.</summary>
public sealed record PscPerson(string Subject, string NationalId, string GivenName, string FamilyName, string ProfessionCode = "10",
    string SavoirFaire = "SM54", string Civility = "DR")
{
    /// <summary>A new general practitioner with a made-up RPPS number that passes the check digit.</summary>
    public static PscPerson NewDoctor(string familyName = "MARTINEAU", string givenName = "HÉLÈNE") =>
        new(Guid.NewGuid().ToString(), "8" + NewRpps(), givenName, familyName);

    public string Rpps => NationalId[1..];

    /// <summary>Ten random digits and the Luhn key, as RPPS numbers are made.</summary>
    public static string NewRpps()
    {
        var digits = string.Concat(Enumerable.Range(0, 10).Select(_ => Random.Shared.Next(10)));
        for (var key = 0; key < 10; key++)
        {
            if (Web.Infrastructure.Web.FrenchFormats.PassesLuhn(digits + key))
            {
                return digits + key;
            }
        }
        throw new InvalidOperationException("No Luhn key.");
    }
}

public enum PscMisbehaviour
{
    None,
    /// <summary>The identity token is issued for another service.</summary>
    WrongAudience,
    /// <summary>The identity token expired an hour ago.</summary>
    ExpiredToken,
    /// <summary>The identity token says a weaker authentication than the eidas1 asked.</summary>
    WeakAcr,
}

/// <summary>
/// An OpenID Connect provider on a real port of the loopback, shaped as Pro Santé Connect: a Keycloak realm path, its
/// metadata at the non-standard <c>/.well-known/wallet-openid-configuration</c>, authorization code with PKCE required,
/// <c>acr</c> eidas1 in the identity token, SubjectNameID and SubjectRefPro in the user-info answer, an end-session
/// endpoint. Built with OpenIddict's server in degraded mode (no store): the one registered client is checked by hand,
/// and whoever <see cref="Person"/> names is authenticated at once, as if they had used their card.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "aposart-cpts-test";
    public const string ClientSecret = "secret-du-fournisseur-de-test";

    private WebApplication? app;

    public TestIdentityProvider(string portalBase) => PortalBase = portalBase.TrimEnd('/');

    public string PortalBase { get; }
    public Uri Address { get; } = new($"http://127.0.0.1:{FreePorts.Next()}");
    public string Issuer => $"{Address.GetLeftPart(UriPartial.Authority)}/auth/realms/esante-wallet";
    public string MetadataAddress => $"{Issuer}/.well-known/wallet-openid-configuration";

    /// <summary>Who authenticates at the next authorization request.</summary>
    public PscPerson Person { get; set; } = PscPerson.NewDoctor();
    public PscMisbehaviour Misbehaviour { get; set; }

    /// <summary>Every authorization request's parameters, to check what the portal asked.</summary>
    public ConcurrentQueue<OpenIddictRequest> AuthorizationRequests { get; } = new();
    public ConcurrentQueue<OpenIddictRequest> EndSessionRequests { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(Address.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(Issuer));
            options.SetConfigurationEndpointUris(new Uri(MetadataAddress))
                .SetAuthorizationEndpointUris(new Uri($"{Issuer}/protocol/openid-connect/auth"))
                .SetTokenEndpointUris(new Uri($"{Issuer}/protocol/openid-connect/token"))
                .SetUserInfoEndpointUris(new Uri($"{Issuer}/protocol/openid-connect/userinfo"))
                .SetEndSessionEndpointUris(new Uri($"{Issuer}/protocol/openid-connect/logout"))
                .SetJsonWebKeySetEndpointUris(new Uri($"{Issuer}/protocol/openid-connect/certs"));
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, "scope_all");
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                AuthorizationRequests.Enqueue(context.Request);
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != $"{PortalBase}/compte/pro-sante-connect/retour")
                {
                    context.Reject(Errors.InvalidRequest, "Redirect URI not registered.");
                }
                return default;
            }));
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var person = Person;
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, person.Subject));
                identity.AddClaim(new Claim(Claims.GivenName, person.GivenName));
                identity.AddClaim(new Claim(Claims.FamilyName, person.FamilyName));
                identity.AddClaim(new Claim("acr", Misbehaviour == PscMisbehaviour.WeakAcr ? "eidas0" : "eidas1"));
                identity.SetScopes(context.Request.GetScopes());
                identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
                context.SignIn(new ClaimsPrincipal(identity));
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
            options.AddEventHandler<ProcessSignInContext>(handler => handler
                .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                .UseInlineHandler(context =>
                {
                    if (context.IdentityTokenPrincipal is { } principal)
                    {
                        switch (Misbehaviour)
                        {
                            case PscMisbehaviour.WrongAudience:
                                principal.SetAudiences("un-autre-service");
                                break;
                            case PscMisbehaviour.ExpiredToken:
                                principal.SetCreationDate(DateTimeOffset.UtcNow.AddHours(-2)).SetExpirationDate(DateTimeOffset.UtcNow.AddHours(-1));
                                break;
                        }
                    }
                    return default;
                }));
            options.AddEventHandler<HandleUserInfoRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var person = Person;
                context.Claims["SubjectNameID"] = person.NationalId;
                context.Claims["preferred_username"] = person.NationalId;
                context.Claims[Claims.GivenName] = person.GivenName;
                context.Claims[Claims.FamilyName] = person.FamilyName;
                context.Claims["SubjectRefPro"] = new OpenIddictParameter(JsonSerializer.SerializeToElement(new
                {
                    codeCivilite = "M",
                    exercices = new[]
                    {
                        new
                        {
                            codeProfession = person.ProfessionCode,
                            codeCategorieProfessionnelle = "C",
                            codeCiviliteDexercice = person.Civility,
                            nomDexercice = person.FamilyName,
                            prenomDexercice = person.GivenName,
                            codeTypeSavoirFaire = "S",
                            codeSavoirFaire = person.SavoirFaire,
                            activities = Array.Empty<object>(),
                        },
                    },
                }));
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                EndSessionRequests.Enqueue(context.Request);
                if (context.PostLogoutRedirectUri is { } uri && !uri.StartsWith(PortalBase + "/", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "Post-logout redirect URI not registered.");
                }
                return default;
            }));
            options.AddEventHandler<HandleEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                context.SignOut();
                return default;
            }));
        });
        app = builder.Build();
        app.UseAuthentication();
        await app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
