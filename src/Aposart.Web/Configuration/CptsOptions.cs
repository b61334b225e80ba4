namespace Aposart.Web.Configuration;

/// <summary>
/// Who the CPTS is: everything that changes from one CPTS to another lives here, not in code. The configuration file
/// gives defaults (none in Production: a new portal carries no identity); the association sets the values from
/// /gestion/parametres, and those saved there win (see SettingsSetup).
/// </summary>
public sealed class CptsOptions
{
    public const string Section = "Cpts";

    /// <summary>Shown when no name is set yet: neutral, so that a new portal never shows another CPTS's identity.</summary>
    public const string PlaceholderName = "Portail de la CPTS";

    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Telephone { get; set; } = "";
    /// <summary>For the legal notice: the association's postal address, who directs the publication, who hosts the site.</summary>
    public string PostalAddress { get; set; } = "";
    public string PublicationDirector { get; set; } = "";
    public string Host { get; set; } = "";
    public string Siret { get; set; } = "";
    public string Rna { get; set; } = "";
    public string Finess { get; set; } = "";
    /// <summary>The theme's main colour (#rrggbb); empty keeps the portal's own blue.</summary>
    public string MainColour { get; set; } = "";
    /// <summary>Markdown texts: the home page's introduction, the "La CPTS" page, complements to the legal notice.</summary>
    public string HomeIntroduction { get; set; } = "";
    public string AboutText { get; set; } = "";
    public string LegalComplement { get; set; } = "";
    /// <summary>Changes with each logo saved (used to bust caches); empty while there is no logo.</summary>
    public string LogoVersion { get; set; } = "";
    /// <summary>Absolute base of every link the portal mails; never taken from the request's Host header.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
    /// <summary>Territory file produced by scripts/territory/extract.mjs, relative to the content root or absolute.</summary>
    public string TerritoryFile { get; set; } = "data/territory.json";
    public string TerritoryName { get; set; } = "";

    /// <summary>
    /// Name and contact address are set: until then public pages show the "site en cours de mise en place" banner.
    /// Computed after the settings are applied, before the neutral placeholders fill the gaps.
    /// </summary>
    public bool IsConfigured { get; set; }
}
