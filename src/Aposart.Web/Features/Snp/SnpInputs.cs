using System.ComponentModel.DataAnnotations;

namespace Aposart.Web.Features.Snp;

public sealed class SlotInput
{
    [Display(Name = "Lieu d'exercice")]
    [Required(ErrorMessage = "Choisissez le lieu d'exercice.")]
    public Guid? SiteId { get; set; }

    [Display(Name = "Date")]
    [Required(ErrorMessage = "Indiquez la date (jj/mm/aaaa).")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Heure de début")]
    [Required(ErrorMessage = "Indiquez l'heure de début (hh:mm).")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Durée (minutes)")]
    [Required(ErrorMessage = "Indiquez la durée en minutes.")]
    [Range(5, 120, ErrorMessage = "Entre 5 et 120 minutes.")]
    public int? Duration { get; set; } = 15;

    [Display(Name = "Consultation")]
    public Domain.ConsultationMode Mode { get; set; }

    [Display(Name = "Sans rendez-vous (le patient vient pendant le créneau)")]
    public bool WalkIn { get; set; }
}

public sealed class PatternInput
{
    [Display(Name = "Lieu d'exercice")]
    [Required(ErrorMessage = "Choisissez le lieu d'exercice.")]
    public Guid? SiteId { get; set; }

    [Display(Name = "Jours de la semaine")]
    public List<DayOfWeek> Days { get; set; } = [];

    [Display(Name = "Heure du premier créneau")]
    [Required(ErrorMessage = "Indiquez l'heure du premier créneau (hh:mm).")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Créneaux à la suite")]
    [Required(ErrorMessage = "Indiquez le nombre de créneaux.")]
    [Range(1, 8, ErrorMessage = "Entre 1 et 8 créneaux à la suite.")]
    public int? Count { get; set; } = 2;

    [Display(Name = "Durée de chaque créneau (minutes)")]
    [Required(ErrorMessage = "Indiquez la durée en minutes.")]
    [Range(5, 120, ErrorMessage = "Entre 5 et 120 minutes.")]
    public int? Duration { get; set; } = 15;

    [Display(Name = "Pendant (semaines)")]
    [Required(ErrorMessage = "Indiquez le nombre de semaines.")]
    [Range(1, 8, ErrorMessage = "Entre 1 et 8 semaines.")]
    public int? Weeks { get; set; } = 2;

    [Display(Name = "Consultation")]
    public Domain.ConsultationMode Mode { get; set; }

    [Display(Name = "Sans rendez-vous (le patient vient pendant le créneau)")]
    public bool WalkIn { get; set; }
}

public sealed record SiteChoice(Guid Id, string Label, string? CommuneInsee);

public sealed record MySnpPage(bool CanPublish, IReadOnlyList<Domain.SnpSlot> Upcoming, IReadOnlyList<Domain.SnpSlot> Past, IReadOnlyList<SiteChoice> Sites,
    SlotInput Slot, PatternInput Pattern, DateTimeOffset Now);

public sealed record FreeSlotRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, string Doctor, string Place, string? Commune,
    Domain.ConsultationMode Mode = Domain.ConsultationMode.Office, bool WalkIn = false);

public sealed record RegulationPage(IReadOnlyList<FreeSlotRow> Slots, int Total, Infrastructure.Web.PagerModel Pager, string? Commune, DateOnly? Day,
    IReadOnlyList<(string Insee, string Name, int Free)> Communes, IReadOnlyList<Domain.SnpSlot> RecentlyGiven, Infrastructure.Maps.MapDrawing Map);

public sealed record ParticipantsPage(IReadOnlyList<(Guid Id, string Email, string Name)> Regulators, IReadOnlyList<(Guid Id, string Name)> Allowed,
    IReadOnlyList<(Guid Id, string Name)> People);
