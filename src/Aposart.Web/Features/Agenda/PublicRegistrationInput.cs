using System.ComponentModel.DataAnnotations;

namespace Aposart.Web.Features.Agenda;

public sealed class PublicRegistrationInput
{
    [Display(Name = "Prénom et nom")]
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail : la confirmation y est envoyée.")]
    [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
    [StringLength(254, ErrorMessage = "254 caractères au plus.")]
    public string? Email { get; set; }

    /// <summary>A profession's name, or « Usager » for a patient or a relative.</summary>
    [Display(Name = "Vous êtes")]
    [Required(ErrorMessage = "Dites si vous venez comme professionnel (lequel) ou comme usager.")]
    public string? Attendee { get; set; }

    [Display(Name = "J'accepte que la CPTS garde mon nom et mon adresse pour cette réunion (et me prévienne d'un changement)")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case : sans elle, nous ne pouvons pas vous inscrire.")]
    public bool Consent { get; set; }

    public const string Patient = "Usager";
}
