using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Trainings;

public sealed class TrainingInput
{
    public const int BlankSessions = 2;
    public const int BlankTrainers = 2;

    [Display(Name = "Titre")]
    [Required(ErrorMessage = "Indiquez le titre de la formation.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Title { get; set; }

    [Display(Name = "Thème")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? Theme { get; set; }

    [Display(Name = "Description")]
    [StringLength(10000, ErrorMessage = "10 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Professions visées")]
    public List<Profession> TargetProfessions { get; set; } = [];

    [Display(Name = "Fiche action liée")]
    public Guid? ActionSheetId { get; set; }

    [Display(Name = "Nombre de places")]
    [Required(ErrorMessage = "Indiquez le nombre de places.")]
    [Range(1, 1000, ErrorMessage = "Entre 1 et 1 000 places.")]
    public int? Capacity { get; set; }

    [Display(Name = "Ouverture des inscriptions")]
    public DateTime? RegistrationOpensAt { get; set; }

    [Display(Name = "Clôture des inscriptions et des désinscriptions")]
    public DateTime? RegistrationClosesAt { get; set; }

    [Display(Name = "Qui peut s'inscrire")]
    public TrainingAudience Audience { get; set; }

    [Display(Name = "Statut")]
    public TrainingStatus Status { get; set; }

    [Display(Name = "Repas")]
    public TrainingMeal Meal { get; set; }

    public List<SessionInput> Sessions { get; set; } = [];
    public List<TrainerInput> Trainers { get; set; } = [];

    public uint Version { get; set; }

    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        if (!Sessions.Any(s => !s.IsEmpty))
        {
            yield return ($"{nameof(Sessions)}[0].{nameof(SessionInput.Date)}", "Indiquez au moins une séance.");
        }
        for (var i = 0; i < Sessions.Count; i++)
        {
            var s = Sessions[i];
            var prefix = $"{nameof(Sessions)}[{i}].";
            if (s.IsEmpty)
            {
                continue;
            }
            if (s.Date is null)
            {
                yield return (prefix + nameof(s.Date), "Indiquez la date de la séance.");
            }
            if (s.Start is null)
            {
                yield return (prefix + nameof(s.Start), "Indiquez l'heure de début.");
            }
            if (s.End is null)
            {
                yield return (prefix + nameof(s.End), "Indiquez l'heure de fin.");
            }
            else if (s.Start is { } start && s.End <= start)
            {
                yield return (prefix + nameof(s.End), "La séance doit finir après son début.");
            }
            if (string.IsNullOrWhiteSpace(s.Room) && string.IsNullOrWhiteSpace(s.Address) && string.IsNullOrWhiteSpace(s.RemoteUrl))
            {
                yield return (prefix + nameof(s.Address), "Indiquez le lieu (salle, adresse) ou le lien de connexion.");
            }
        }
        for (var i = 0; i < Trainers.Count; i++)
        {
            var t = Trainers[i];
            if (!t.IsEmpty && t.ProfessionalId is null && string.IsNullOrWhiteSpace(t.Name))
            {
                yield return ($"{nameof(Trainers)}[{i}].{nameof(t.Name)}", "Choisissez un professionnel de l'annuaire ou indiquez le nom de l'intervenant.");
            }
        }
        if (RegistrationOpensAt is { } opens && RegistrationClosesAt is { } closes && closes <= opens)
        {
            yield return (nameof(RegistrationClosesAt), "La clôture doit suivre l'ouverture des inscriptions.");
        }
    }

    public TrainingInput WithBlankRows()
    {
        Sessions = [.. Sessions.Where(s => !s.IsEmpty), .. Enumerable.Range(0, BlankSessions).Select(_ => new SessionInput())];
        Trainers = [.. Trainers.Where(t => !t.IsEmpty), .. Enumerable.Range(0, BlankTrainers).Select(_ => new TrainerInput())];
        return this;
    }

    public static TrainingInput FromEntity(Training t) => new()
    {
        Title = t.Title, Theme = t.Theme, Description = t.Description, TargetProfessions = [.. t.TargetProfessions], ActionSheetId = t.ActionSheetId,
        Capacity = t.Capacity, RegistrationOpensAt = t.RegistrationOpensAt?.ToParis().DateTime, RegistrationClosesAt = t.RegistrationClosesAt?.ToParis().DateTime,
        Audience = t.Audience, Status = t.Status, Meal = t.Meal, Version = t.Version,
        Sessions = [.. t.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionInput
        {
            Date = DateOnly.FromDateTime(s.StartsAt.ToParis().DateTime), Start = TimeOnly.FromDateTime(s.StartsAt.ToParis().DateTime),
            End = TimeOnly.FromDateTime(s.EndsAt.ToParis().DateTime), Room = s.Room, Address = s.Address, RemoteUrl = s.RemoteUrl,
        })],
        Trainers = [.. t.Trainers.OrderBy(x => x.SortOrder).Select(x => new TrainerInput { ProfessionalId = x.ProfessionalId, Name = x.ProfessionalId is null ? x.Name : null, Role = x.Role })],
    };
}

public sealed class SessionInput
{
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Début")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Fin")]
    public TimeOnly? End { get; set; }

    [Display(Name = "Salle")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Room { get; set; }

    [Display(Name = "Adresse")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Address { get; set; }

    [Display(Name = "Lien de connexion")]
    [WebLink]
    public string? RemoteUrl { get; set; }

    public bool IsEmpty => Date is null && Start is null && End is null && string.IsNullOrWhiteSpace(Room)
        && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(RemoteUrl);
}

public sealed class TrainerInput
{
    [Display(Name = "Professionnel de l'annuaire")]
    public Guid? ProfessionalId { get; set; }

    [Display(Name = "ou intervenant extérieur")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Rôle")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Role { get; set; }

    public bool IsEmpty => ProfessionalId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role);
}
