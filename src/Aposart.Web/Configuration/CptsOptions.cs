namespace Aposart.Web.Configuration;

/// <summary>Who the CPTS is: everything that changes from one CPTS to another lives here, not in code.</summary>
public sealed class CptsOptions
{
    public const string Section = "Cpts";

    public string Name { get; set; } = "CPTS Sud Yvelines";
    public string ShortName { get; set; } = "APOSART";
    public string Description { get; set; } = "";
    public string Email { get; set; } = "contact@demo.aposart.fr";
    /// <summary>For the legal notice: the association's postal address, who directs the publication, who hosts the site.</summary>
    public string PostalAddress { get; set; } = "Adresse du siège de l'association (à renseigner dans Cpts:PostalAddress)";
    public string PublicationDirector { get; set; } = "Le président ou la présidente de l'association";
    public string Host { get; set; } = "Hébergeur du portail (à renseigner dans Cpts:Host)";
    /// <summary>Absolute base of every link the portal mails; never taken from the request's Host header.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
    /// <summary>Territory file produced by scripts/territory/extract.mjs, relative to the content root or absolute.</summary>
    public string TerritoryFile { get; set; } = "data/territory.json";
    public string TerritoryName { get; set; } = "Sud Yvelines";
}
