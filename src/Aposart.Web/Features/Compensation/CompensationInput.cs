using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Compensation;

public sealed class CompensationInput
{
    [Display(Name = "Professionnel")]
    public Guid? ProfessionalId { get; set; }

    [Display(Name = "Fiche action")]
    [Required(ErrorMessage = "Choisissez la fiche action concernée.")]
    public Guid? ActionSheetId { get; set; }

    [Display(Name = "Date")]
    [Required(ErrorMessage = "Indiquez la date (jj/mm/aaaa).")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Nature")]
    [Required(ErrorMessage = "Choisissez la nature du temps passé.")]
    public CompensationKind? Kind { get; set; }

    [Display(Name = "Quantité (heures ou demi-journées)")]
    [Required(ErrorMessage = "Indiquez le nombre d'heures ou de demi-journées, par exemple 2 ou 1,5.")]
    [Range(typeof(decimal), "0.5", "24", ErrorMessage = "Entre 0,5 et 24, par pas de 0,5.")]
    public decimal? Quantity { get; set; }

    [Display(Name = "Objet (réunion, atelier…)")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }
}

/// <summary>An entry as the lists show it; for hours of a working-group meeting, the meeting and who was marked present, beside the claim.</summary>
public sealed record CompensationRow(CompensationEntry Entry, string Person, int FicheNumber, string FicheTitle, string? MeetingTitle, DateTimeOffset? MeetingStartsAt,
    IReadOnlyList<string> Present);

public sealed record MyCompensationPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<CompensationRow> Entries, decimal Validated, decimal Submitted,
    Configuration.CompensationRates Rates, CompensationInput Input, IReadOnlyList<(Guid Id, string Label)> Fiches, bool HasRecord, IReadOnlyList<MeetingHoursClaim> ToConfirm);

public sealed record CompensationAdminPage(int Year, CompensationStatus? Status, IReadOnlyList<CompensationRow> Entries, int Total,
    Infrastructure.Web.PagerModel Pager, decimal Validated, decimal Submitted, Configuration.CompensationRates Rates, CompensationInput Input,
    IReadOnlyList<(Guid Id, string Label)> Fiches, IReadOnlyList<(Guid Id, string Label)> People);
