using System.ComponentModel.DataAnnotations;

namespace Aposart.Web.Infrastructure.Security;

/// <summary>What every new account asks for, however it is made (registration, invitation): a name and a password typed twice.</summary>
public abstract class NewAccountInput
{
    [Display(Name = "Prénom")]
    [Required(ErrorMessage = "Indiquez votre prénom.")]
    [StringLength(100, ErrorMessage = "Le prénom ne peut pas dépasser 100 caractères.")]
    public string? FirstName { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne peut pas dépasser 100 caractères.")]
    public string? LastName { get; set; }

    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength,
        ErrorMessage = "Le mot de passe doit compter entre 12 et 128 caractères.")]
    public string? Password { get; set; }

    [Display(Name = "Confirmation du mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}
