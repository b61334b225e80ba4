using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Fiches;

public sealed class FicheInput
{
    public const int BlankSteps = 3;
    public const int BlankBudgetLines = 2;

    [Display(Name = "Numéro")]
    [Required(ErrorMessage = "Indiquez le numéro de la fiche.")]
    [Range(1, 999, ErrorMessage = "Un numéro entre 1 et 999.")]
    public int? Number { get; set; }

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Indiquez le titre de la fiche.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Mission ACI")]
    [Required(ErrorMessage = "Choisissez la mission ACI.")]
    public AciMission? Mission { get; set; }

    [Display(Name = "Thème")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? Theme { get; set; }

    [Display(Name = "Contexte et constat")]
    [StringLength(10000, ErrorMessage = "10 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Context { get; set; }

    [Display(Name = "Objectif général")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? GeneralObjective { get; set; }

    [Display(Name = "Objectifs opérationnels")]
    [StringLength(10000, ErrorMessage = "10 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? OperationalObjectives { get; set; }

    [Display(Name = "Population cible")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? TargetPopulation { get; set; }

    [Display(Name = "Acteurs concernés")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Actors { get; set; }

    [Display(Name = "Partenaires (texte libre)")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Partners { get; set; }

    [Display(Name = "Jalons")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Milestones { get; set; }

    [Display(Name = "Moyens")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Resources { get; set; }

    [Display(Name = "Lien avec le PRS")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? RegionalPlanLink { get; set; }

    [Display(Name = "Lien avec le CLS")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? LocalContractLink { get; set; }

    [Display(Name = "Lien avec l'ACI")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? AciLink { get; set; }

    [Display(Name = "Statut")]
    public ActionStatus Status { get; set; }

    [Display(Name = "Avancement (%)")]
    [Range(0, 100, ErrorMessage = "Un pourcentage entre 0 et 100.")]
    public int Progress { get; set; }

    [Display(Name = "Publier sur la page publique des actions")]
    public bool Published { get; set; }

    [Display(Name = "Résumé public")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? PublicSummary { get; set; }

    [Display(Name = "Pilotes")]
    public List<Guid> PilotIds { get; set; } = [];

    [Display(Name = "Structures partenaires")]
    public List<Guid> PartnerIds { get; set; } = [];

    public List<StepInput> Steps { get; set; } = [];
    public List<BudgetLineInput> BudgetLines { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>
    /// Rules across fields, checked by the controller even when a field is malformed, so that every message shows at once
    /// (MVC skips IValidatableObject as soon as one property fails).
    /// </summary>
    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        if (Published && string.IsNullOrWhiteSpace(PublicSummary))
        {
            yield return (nameof(PublicSummary), "Une fiche publiée a besoin d'un résumé public.");
        }
        for (var i = 0; i < Steps.Count; i++)
        {
            if (!Steps[i].IsEmpty && string.IsNullOrWhiteSpace(Steps[i].Title))
            {
                yield return ($"{nameof(Steps)}[{i}].{nameof(StepInput.Title)}", "Donnez un intitulé à l'étape.");
            }
        }
        for (var i = 0; i < BudgetLines.Count; i++)
        {
            var line = BudgetLines[i];
            if (line.IsEmpty)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Label))
            {
                yield return ($"{nameof(BudgetLines)}[{i}].{nameof(BudgetLineInput.Label)}", "Indiquez le poste de dépense.");
            }
            if (line.Amount is null)
            {
                yield return ($"{nameof(BudgetLines)}[{i}].{nameof(BudgetLineInput.Amount)}", "Indiquez le montant.");
            }
        }
    }
}

public sealed class StepInput
{
    [Display(Name = "Étape")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Échéance")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Responsable")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Owner { get; set; }

    [Display(Name = "État")]
    public StepStatus Status { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && DueOn is null && string.IsNullOrWhiteSpace(Owner);
}

public sealed class BudgetLineInput
{
    [Display(Name = "Poste")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Label { get; set; }

    [Display(Name = "Montant (€)")]
    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Un montant entre 0 et 10 000 000 €.")]
    public decimal? Amount { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Label) && Amount is null;
}
