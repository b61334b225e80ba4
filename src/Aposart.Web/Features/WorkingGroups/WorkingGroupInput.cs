using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.WorkingGroups;

public sealed class WorkingGroupInput
{
    [Display(Name = "Nom du groupe")]
    [Required(ErrorMessage = "Donnez un nom au groupe.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Objet du groupe")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Fiche action du groupe")]
    public Guid? ActionSheetId { get; set; }

    [Display(Name = "Les adhérents peuvent demander à rejoindre le groupe")]
    public bool Open { get; set; } = true;

    public static WorkingGroupInput From(WorkingGroup g) => new() { Name = g.Name, Description = g.Description, ActionSheetId = g.ActionSheetId, Open = g.Open };

    public void ApplyTo(WorkingGroup g)
    {
        g.Name = Name!.Trim();
        g.Description = Description.TrimmedOrNull();
        g.ActionSheetId = ActionSheetId;
        g.Open = Open;
    }
}
