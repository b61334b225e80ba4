using System.ComponentModel.DataAnnotations;
using Aposart.Web.Infrastructure.Security;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Account;

public sealed class RegisterInput : NewAccountInput
{
    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
    [ValidEmail]
    public string? Email { get; set; }

    [Display(Name = "J'ai lu la politique de confidentialité et j'accepte que mes données soient traitées pour gérer mon compte.")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Vous devez accepter la politique de confidentialité pour créer un compte.")]
    public bool AcceptPrivacy { get; set; }
}

public sealed class LoginInput
{
    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
    [StringLength(254, ErrorMessage = "Adresse e-mail trop longue.")]
    public string? Email { get; set; }

    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Mot de passe trop long.")]
    public string? Password { get; set; }

    [Display(Name = "Rester connecté sur cet appareil")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorInput
{
    [Display(Name = "Code de vérification ou code de secours")]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [StringLength(20, ErrorMessage = "Ce code est trop long.")]
    public string? Code { get; set; }

    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class EmailInput
{
    [Display(Name = "Adresse e-mail")]
    [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
    [ValidEmail]
    public string? Email { get; set; }
}

public sealed class ResetPasswordInput
{
    public string? UserId { get; set; }
    public string? Code { get; set; }

    [Display(Name = "Nouveau mot de passe")]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength,
        ErrorMessage = "Le mot de passe doit compter entre 12 et 128 caractères.")]
    public string? Password { get; set; }

    [Display(Name = "Confirmation du mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInput
{
    [Display(Name = "Mot de passe actuel")]
    [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Mot de passe trop long.")]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Nouveau mot de passe")]
    [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength,
        ErrorMessage = "Le mot de passe doit compter entre 12 et 128 caractères.")]
    public string? NewPassword { get; set; }

    [Display(Name = "Confirmation du nouveau mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le nouveau mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}

public sealed class EnableAuthenticatorInput
{
    [Display(Name = "Code à 6 chiffres affiché par l'application")]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string? Code { get; set; }
}

public sealed class PasswordConfirmInput
{
    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Mot de passe trop long.")]
    public string? Password { get; set; }
}
