using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Profile;

public sealed class ProfileInput : IValidatableObject
{
    public const int SiteSlots = 3;

    [Display(Name = "Civilité")]
    public Civility Civility { get; set; }

    [Display(Name = "Prénom")]
    [Required(ErrorMessage = "Indiquez votre prénom.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? FirstName { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? LastName { get; set; }

    [Display(Name = "Profession")]
    [Required(ErrorMessage = "Choisissez votre profession.")]
    public Profession? Profession { get; set; }

    [Display(Name = "Spécialité (médecins spécialistes)")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? Specialty { get; set; }

    [Display(Name = "Numéro RPPS")]
    [Rpps]
    public string? Rpps { get; set; }

    /// <summary>Shown, never taken from the form: when Pro Santé Connect vouched for the number.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateTimeOffset? RppsVerifiedAt { get; set; }

    [Display(Name = "Numéro ADELI")]
    [Adeli]
    public string? Adeli { get; set; }

    [Display(Name = "Adresse e-mail de contact")]
    [Required(ErrorMessage = "Indiquez une adresse e-mail de contact.")]
    [ValidEmail]
    public string? Email { get; set; }

    [Display(Name = "Visibilité de l'e-mail")]
    public Visibility EmailVisibility { get; set; } = Visibility.Members;

    [Display(Name = "Messagerie sécurisée (MSSanté)")]
    [ValidEmail]
    public string? SecureMailAddress { get; set; }

    [Display(Name = "Visibilité de l'adresse MSSanté")]
    public Visibility SecureMailVisibility { get; set; } = Visibility.Members;

    [Display(Name = "Site web ou prise de rendez-vous en ligne")]
    [WebLink]
    public string? WebsiteUrl { get; set; }

    [Display(Name = "Visibilité du lien")]
    public Visibility WebsiteVisibility { get; set; } = Visibility.Public;

    [Display(Name = "Visibilité des adresses des lieux d'exercice")]
    public Visibility AddressVisibility { get; set; } = Visibility.Public;

    [Display(Name = "Visibilité des téléphones")]
    public Visibility PhoneVisibility { get; set; } = Visibility.Public;

    [Display(Name = "J'accepte de nouveaux patients en tant que médecin traitant")]
    public bool AcceptsNewPatients { get; set; }

    [Display(Name = "Je propose des créneaux de soins non programmés")]
    public bool OffersUnscheduledCare { get; set; }

    [Display(Name = "Langues parlées en consultation (séparées par des virgules)")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Languages { get; set; }

    [Display(Name = "J'accepte d'apparaître dans l'annuaire public du site, avec les seules informations marquées « Public »")]
    public bool ListedInPublicDirectory { get; set; }

    public List<PracticeSiteInput> Sites { get; set; } = [];

    [Display(Name = "Structures où j'exerce")]
    public List<Guid> OrganisationIds { get; set; } = [];

    public uint Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sites.All(s => s.IsEmpty))
        {
            yield return new ValidationResult("Indiquez au moins un lieu d'exercice.", [$"{nameof(Sites)}[0].{nameof(PracticeSiteInput.AddressLine)}"]);
        }
        if (Profession == Domain.Profession.Specialist && string.IsNullOrWhiteSpace(Specialty))
        {
            yield return new ValidationResult("Indiquez votre spécialité.", [nameof(Specialty)]);
        }
        for (var i = 0; i < Sites.Count; i++)
        {
            var site = Sites[i];
            if (site.IsEmpty)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(site.AddressLine))
            {
                yield return new ValidationResult("Indiquez l'adresse.", [$"{nameof(Sites)}[{i}].{nameof(PracticeSiteInput.AddressLine)}"]);
            }
            if (string.IsNullOrWhiteSpace(site.Postcode))
            {
                yield return new ValidationResult("Indiquez le code postal.", [$"{nameof(Sites)}[{i}].{nameof(PracticeSiteInput.Postcode)}"]);
            }
            if (string.IsNullOrWhiteSpace(site.City) && string.IsNullOrEmpty(site.CommuneInsee))
            {
                yield return new ValidationResult("Indiquez la commune.", [$"{nameof(Sites)}[{i}].{nameof(PracticeSiteInput.City)}"]);
            }
        }
    }
}

public sealed class PracticeSiteInput
{
    [Display(Name = "Nom du lieu (cabinet, MSP…)")]
    [StringLength(150, ErrorMessage = "150 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? AddressLine { get; set; }

    [Display(Name = "Code postal")]
    [Postcode]
    public string? Postcode { get; set; }

    [Display(Name = "Commune du territoire")]
    [StringLength(5)]
    public string? CommuneInsee { get; set; }

    [Display(Name = "Commune (hors territoire)")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? City { get; set; }

    [Display(Name = "Téléphone")]
    [FrenchPhone]
    public string? Phone { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(AddressLine) && string.IsNullOrWhiteSpace(Postcode)
        && string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrEmpty(CommuneInsee);
}
