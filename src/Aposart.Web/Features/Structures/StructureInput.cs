using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Structures;

public sealed class StructureInput : IValidatableObject
{
    [Display(Name = "Type de structure")]
    [Required(ErrorMessage = "Choisissez le type de structure.")]
    public OrganisationType? Type { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Indiquez le nom de la structure.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "N° FINESS (si la structure en a un)")]
    [Finess]
    public string? Finess { get; set; }

    [Display(Name = "Adresse")]
    [Required(ErrorMessage = "Indiquez l'adresse.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? AddressLine { get; set; }

    [Display(Name = "Code postal")]
    [Required(ErrorMessage = "Indiquez le code postal.")]
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

    [Display(Name = "Site web")]
    [WebLink]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? WebsiteUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(CommuneInsee) && string.IsNullOrWhiteSpace(City))
        {
            yield return new ValidationResult("Choisissez une commune du territoire, ou écrivez celle hors du territoire.", [nameof(CommuneInsee)]);
        }
    }
}
