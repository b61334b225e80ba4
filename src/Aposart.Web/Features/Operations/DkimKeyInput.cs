using System.ComponentModel.DataAnnotations;

namespace Aposart.Web.Features.Operations;

public sealed class DkimKeyInput
{
    [Required(ErrorMessage = "Indiquez le domaine des adresses d'envoi.")]
    [RegularExpression(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$",
        ErrorMessage = "Saisissez un nom de domaine, par exemple cpts-exemple.fr.")]
    [Display(Name = "Domaine signé")]
    public string Domain { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un sélecteur.")]
    [RegularExpression("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", ErrorMessage = "Lettres minuscules, chiffres et tirets seulement, par exemple aposart2026.")]
    [Display(Name = "Sélecteur")]
    public string Selector { get; set; } = "";
}
