using System.ComponentModel.DataAnnotations;
using Aposart.Web.Infrastructure.Security;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.ProSanteConnect;

public sealed class PscLinkInput
{
    [Display(Name = "Adresse e-mail de votre compte")]
    [Required(ErrorMessage = "Indiquez l'adresse e-mail de votre compte.")]
    [StringLength(254, ErrorMessage = "Adresse e-mail trop longue.")]
    public string? Email { get; set; }

    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Mot de passe trop long.")]
    public string? Password { get; set; }
}

public sealed class PscCreateInput
{
    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
    [ValidEmail]
    public string? Email { get; set; }

    [Display(Name = "J'ai lu la politique de confidentialité et j'accepte que mes données soient traitées pour gérer mon compte.")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Vous devez accepter la politique de confidentialité pour créer un compte.")]
    public bool AcceptPrivacy { get; set; }
}

public sealed record PscFirstUsePage(PscIdentity Identity, PscLinkInput Link, PscCreateInput Create, string? ReturnUrl);
