namespace Aposart.Web.Domain;

public enum OrganisationType
{
    Msp = 1,
    HealthCentre = 2,
    Ehpad = 3,
    Hospital = 4,
    Clinic = 5,
    Ssiad = 6,
    Had = 7,
    Pharmacy = 8,
    Laboratory = 9,
    Dac = 10,
    Association = 11,
    LocalAuthority = 12,
}

public static class OrganisationTypeText
{
    public static string Label(this OrganisationType type) => type switch
    {
        OrganisationType.Msp => "Maison de santé pluriprofessionnelle (MSP)",
        OrganisationType.HealthCentre => "Centre de santé",
        OrganisationType.Ehpad => "EHPAD",
        OrganisationType.Hospital => "Centre hospitalier",
        OrganisationType.Clinic => "Clinique",
        OrganisationType.Ssiad => "SSIAD",
        OrganisationType.Had => "Hospitalisation à domicile (HAD)",
        OrganisationType.Pharmacy => "Pharmacie",
        OrganisationType.Laboratory => "Laboratoire de biologie",
        OrganisationType.Dac => "Dispositif d'appui à la coordination (DAC)",
        OrganisationType.Association => "Association",
        OrganisationType.LocalAuthority => "Collectivité",
        _ => type.ToString(),
    };
}

/// <summary>A structure of the territory: MSP, EHPAD, hospital, pharmacy… Structures are public information.</summary>
public class Organisation : IAuditable
{
    public Guid Id { get; set; }
    public OrganisationType Type { get; set; }
    public string Name { get; set; } = "";
    public string? Finess { get; set; }
    public string AddressLine { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string City { get; set; } = "";
    public string? CommuneInsee { get; set; }
    public Commune? Commune { get; set; }
    public string? Phone { get; set; }
    public string? WebsiteUrl { get; set; }
    public List<Professional> Professionals { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
}
