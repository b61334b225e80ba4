using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Meetings;

public sealed class MeetingInput : IValidatableObject
{
    /// <summary>The kinds prepared from this page (a public meeting is published on the agenda rather than convened).</summary>
    public static readonly MeetingKind[] Offered = [MeetingKind.OrdinaryAssembly, MeetingKind.ExtraordinaryAssembly, MeetingKind.Board, MeetingKind.WorkingGroup, MeetingKind.Public];

    [Display(Name = "Type de réunion")]
    [Required(ErrorMessage = "Choisissez le type de réunion.")]
    public MeetingKind? Kind { get; set; }

    [Display(Name = "Intitulé")]
    [Required(ErrorMessage = "Indiquez l'intitulé de la réunion.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Date")]
    [Required(ErrorMessage = "Indiquez la date de la réunion.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Début")]
    [Required(ErrorMessage = "Indiquez l'heure de début.")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Fin")]
    [Required(ErrorMessage = "Indiquez l'heure de fin.")]
    public TimeOnly? End { get; set; }

    [Display(Name = "Lieu")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Place { get; set; }

    [Display(Name = "Lien de visioconférence")]
    [WebLink]
    public string? VideoLink { get; set; }

    [Display(Name = "Ordre du jour")]
    [Required(ErrorMessage = "Écrivez l'ordre du jour : il part avec la convocation.")]
    [StringLength(20_000, ErrorMessage = "20 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Agenda { get; set; }

    [Display(Name = "Groupe de travail")]
    public Guid? WorkingGroupId { get; set; }

    [Display(Name = "Places (réunion publique)")]
    [Range(1, 10_000, ErrorMessage = "Entre 1 et 10 000 places.")]
    public int? Capacity { get; set; }

    public uint Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is { } kind && !Offered.Contains(kind))
        {
            yield return new ValidationResult("Choisissez un type de la liste.", [nameof(Kind)]);
        }
        if (Kind == MeetingKind.WorkingGroup && WorkingGroupId is null)
        {
            yield return new ValidationResult("Choisissez le groupe de travail : ses membres seront convoqués.", [nameof(WorkingGroupId)]);
        }
        if (Start is { } start && End is { } end && end <= start)
        {
            yield return new ValidationResult("La réunion doit finir après son début.", [nameof(End)]);
        }
        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(VideoLink))
        {
            yield return new ValidationResult("Indiquez un lieu ou un lien de visioconférence.", [nameof(Place)]);
        }
    }

    public static MeetingInput From(Meeting m) => new()
    {
        Kind = m.Kind, Title = m.Title, Date = DateOnly.FromDateTime(m.StartsAt.ToParis().DateTime), Start = TimeOnly.FromDateTime(m.StartsAt.ToParis().DateTime),
        End = TimeOnly.FromDateTime(m.EndsAt.ToParis().DateTime), Place = m.Place, VideoLink = m.VideoLink, Agenda = m.Agenda, Version = m.Version,
        WorkingGroupId = m.WorkingGroupId, Capacity = m.Capacity,
    };

    public void ApplyTo(Meeting m)
    {
        m.Kind = Kind!.Value;
        m.Title = Title!.Trim();
        m.StartsAt = ParisTime.FromParis(Date!.Value, Start!.Value);
        m.EndsAt = ParisTime.FromParis(Date!.Value, End!.Value);
        m.Place = Place.TrimmedOrNull();
        m.VideoLink = VideoLink.TrimmedOrNull();
        m.Agenda = Agenda!.Trim();
        m.WorkingGroupId = Kind == MeetingKind.WorkingGroup ? WorkingGroupId : null;
        m.Capacity = Kind == MeetingKind.Public ? Capacity : null;
    }
}

public sealed class ResolutionInput : IValidatableObject
{
    [Display(Name = "Intitulé de la résolution")]
    [Required(ErrorMessage = "Indiquez l'intitulé de la résolution.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Texte soumis au vote")]
    [StringLength(10_000, ErrorMessage = "10 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }

    [Display(Name = "Majorité requise")]
    public MajorityRule? Majority { get; set; }

    [Display(Name = "Majorité requise dans chaque collège")]
    public bool PerCollege { get; set; }

    [Display(Name = "Fixe les cotisations de l'année suivante")]
    public bool SetsFees { get; set; }

    [Display(Name = "Cotisation individuelle (€)")]
    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Un montant entre 0 et 10 000 €.")]
    public decimal? IndividualFee { get; set; }

    [Display(Name = "Cotisation des structures (€)")]
    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Un montant entre 0 et 10 000 €.")]
    public decimal? StructureFee { get; set; }

    [Display(Name = "Élection de membres du bureau")]
    public bool IsElection { get; set; }

    [Display(Name = "Sièges à pourvoir")]
    [Range(1, 50, ErrorMessage = "Entre 1 et 50 sièges.")]
    public int? Seats { get; set; }

    [Display(Name = "Renouvellement complet du bureau (les mandats des non-élus prennent fin)")]
    public bool RenewsBoard { get; set; }

    public ResolutionKind ResolutionKind => IsElection ? ResolutionKind.Election : SetsFees ? ResolutionKind.Fees : ResolutionKind.Ordinary;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Majority is { } rule && !Enum.IsDefined(rule))
        {
            yield return new ValidationResult("Choisissez une majorité de la liste.", [nameof(Majority)]);
        }
        // An election elects the most voted: no majority rule to choose.
        if (Majority is null && !IsElection)
        {
            yield return new ValidationResult("Choisissez la majorité requise.", [nameof(Majority)]);
        }
        if (IsElection && SetsFees)
        {
            yield return new ValidationResult("Une élection ne fixe pas les cotisations : faites-en deux résolutions.", [nameof(SetsFees)]);
        }
        if (IsElection && PerCollege)
        {
            yield return new ValidationResult("Une élection n'a pas de majorité par collège : les plus nombreuses voix l'emportent.", [nameof(PerCollege)]);
        }
        if (IsElection && Seats is null)
        {
            yield return new ValidationResult("Indiquez le nombre de sièges à pourvoir.", [nameof(Seats)]);
        }
        if (SetsFees && IndividualFee is null)
        {
            yield return new ValidationResult("Indiquez la cotisation individuelle proposée.", [nameof(IndividualFee)]);
        }
        if (SetsFees && StructureFee is null)
        {
            yield return new ValidationResult("Indiquez la cotisation des structures proposée.", [nameof(StructureFee)]);
        }
    }
}

public sealed class RoomCountInput
{
    [Display(Name = "Pour (dans la salle)")]
    [Range(0, 100_000, ErrorMessage = "Un nombre entre 0 et 100 000.")]
    public int RoomFor { get; set; }

    [Display(Name = "Contre (dans la salle)")]
    [Range(0, 100_000, ErrorMessage = "Un nombre entre 0 et 100 000.")]
    public int RoomAgainst { get; set; }

    [Display(Name = "Abstentions (dans la salle)")]
    [Range(0, 100_000, ErrorMessage = "Un nombre entre 0 et 100 000.")]
    public int RoomAbstain { get; set; }

    /// <summary>For an election: the votes each candidate got in the room, by candidate id.</summary>
    public Dictionary<Guid, int> CandidateVotes { get; set; } = [];

    /// <summary>
    /// For a resolution decided per collège: the room's counts of each collège, by collège id (0 for those in no
    /// collège); the room's totals are their sums.
    /// </summary>
    public Dictionary<int, int> CollegeFor { get; set; } = [];
    public Dictionary<int, int> CollegeAgainst { get; set; } = [];
    public Dictionary<int, int> CollegeAbstain { get; set; } = [];
}

public sealed class StatutesRulesInput
{
    [Display(Name = "Délai de convocation d'une assemblée (jours)")]
    [Range(0, 90, ErrorMessage = "Entre 0 et 90 jours.")]
    public int AssemblyNoticeDays { get; set; }

    [Display(Name = "Pouvoirs qu'un adhérent peut détenir")]
    [Range(0, 20, ErrorMessage = "Entre 0 et 20.")]
    public int MaxProxies { get; set; }

    [Display(Name = "Quorum (% des convoqués présents ou représentés)")]
    [Range(0, 100, ErrorMessage = "Entre 0 et 100 %.")]
    public int QuorumPercent { get; set; }

    [Display(Name = "Le quorum s'apprécie dans chaque collège")]
    public bool QuorumPerCollege { get; set; }

    [Display(Name = "Les résolutions requièrent la majorité dans chaque collège")]
    public bool MajorityPerCollege { get; set; }

    [Display(Name = "Durée du mandat d'un membre élu du bureau (années)")]
    [Range(0, 10, ErrorMessage = "Entre 0 et 10 ans.")]
    public int BoardTermYears { get; set; }
}

public sealed class AnswerInput
{
    [Display(Name = "Votre réponse")]
    [Required(ErrorMessage = "Choisissez votre réponse.")]
    public MeetingAnswer? Answer { get; set; }

    [Display(Name = "Adhérent à qui vous donnez votre pouvoir")]
    public Guid? ProxyHolderId { get; set; }
}
