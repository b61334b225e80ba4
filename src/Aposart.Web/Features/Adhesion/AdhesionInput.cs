using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Adhesion;

public sealed class AdhesionInput
{
    [Display(Name = "Collège")]
    [Required(ErrorMessage = "Choisissez votre collège.")]
    public int? CollegeId { get; set; }

    [Display(Name = "Catégorie de cotisation")]
    [Required(ErrorMessage = "Choisissez la catégorie de cotisation.")]
    public FeeCategory? FeeCategory { get; set; }

    [Display(Name = "Mode de paiement envisagé")]
    [Required(ErrorMessage = "Choisissez le mode de paiement envisagé.")]
    public PaymentMethod? PaymentMethod { get; set; }

    [Display(Name = "J'ai lu les statuts de l'association et je les accepte")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "L'adhésion suppose d'accepter les statuts.")]
    public bool AcceptStatutes { get; set; }

    [Display(Name = "Message pour le bureau (facultatif)")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    public int StatutesVersionId { get; set; }
}
