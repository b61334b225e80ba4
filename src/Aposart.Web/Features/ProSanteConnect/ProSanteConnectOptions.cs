namespace Aposart.Web.Features.ProSanteConnect;

/// <summary>
/// The portal's registration at Pro Santé Connect (the ANS's sign-in for health professionals). Empty client id: the button
/// is not shown and nothing of it is started.
/// </summary>
public sealed class ProSanteConnectOptions
{
    public const string Section = "ProSanteConnect";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The provider's metadata document. Pro Santé Connect publishes it under <c>/.well-known/wallet-openid-configuration</c>,
    /// not the standard path, so it is configured rather than discovered from the issuer.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Pro Santé Connect's scopes: <c>scope_all</c> gives the profession and the practices (SubjectRefPro).</summary>
    public string Scope { get; set; } = "openid scope_all";

    /// <summary>The level of assurance asked, and then required of the identity token's <c>acr</c>: eidas1 (CPS card or e-CPS app).</summary>
    public string AcrValues { get; set; } = "eidas1";

    /// <summary>Off only for a provider run locally over plain HTTP (tests, a developer's machine).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(MetadataAddress);
}
