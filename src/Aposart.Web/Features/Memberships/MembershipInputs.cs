using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Memberships;

public sealed class DecisionInput
{
    public uint Version { get; set; }

    [Display(Name = "Motif ou message (envoyé au professionnel)")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public sealed class PaymentInput
{
    /// <summary>Chosen when the form is shown: sending the same form twice records one payment.</summary>
    public Guid FormId { get; set; }

    [Display(Name = "Date du paiement")]
    [Required(ErrorMessage = "Indiquez la date du paiement.")]
    public DateOnly? PaidOn { get; set; }

    [Display(Name = "Montant reçu (€)")]
    [Required(ErrorMessage = "Indiquez le montant reçu.")]
    [Range(typeof(decimal), "0.01", "100000", ErrorMessage = "Le montant doit être compris entre 0,01 et 100 000 €.")]
    public decimal? Amount { get; set; }

    [Display(Name = "Mode de paiement")]
    [Required(ErrorMessage = "Choisissez le mode de paiement.")]
    public PaymentMethod? Method { get; set; }

    [Display(Name = "Référence (n° de chèque, libellé du virement)")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? Reference { get; set; }

    [Display(Name = "Payé par (si ce n'est pas l'adhérent : structure, cabinet…)")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? PayerName { get; set; }

    public List<Guid> MembershipIds { get; set; } = [];
}
