namespace Aposart.Web.Domain;

/// <summary>"Complète" is not stored: a published training is full when its confirmed seats reach its capacity.</summary>
public enum TrainingStatus
{
    Draft = 0,
    Published = 1,
    Cancelled = 2,
    Held = 3,
}

public enum TrainingAudience
{
    Members = 0,
    AllProfessionals = 1,
}

public enum TrainingMeal
{
    None = 0,
    Snack = 1,
    Meal = 2,
}

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

public static class TrainingText
{
    public static string Label(this TrainingStatus status) => status switch
    {
        TrainingStatus.Draft => "Projet",
        TrainingStatus.Published => "Publiée",
        TrainingStatus.Cancelled => "Annulée",
        TrainingStatus.Held => "Réalisée",
        _ => status.ToString(),
    };

    public static string Label(this TrainingAudience audience) => audience == TrainingAudience.Members
        ? "Adhérents de la CPTS" : "Tous les professionnels de santé du territoire";

    public static string Label(this TrainingMeal meal) => meal switch
    {
        TrainingMeal.Snack => "Collation prévue",
        TrainingMeal.Meal => "Repas prévu",
        _ => "Ni repas ni collation",
    };

    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Inscrit",
        RegistrationStatus.Waitlisted => "Liste d'attente",
        RegistrationStatus.Cancelled => "Désinscrit",
        _ => status.ToString(),
    };

    /// <summary>The organisation checklist every training starts with, from the projet de santé.</summary>
    public static readonly IReadOnlyList<string> DefaultChecklist =
    [
        "Date fixée",
        "Invitation envoyée",
        "Relances envoyées",
        "Salle réservée",
        "Organisme de formation confirmé",
        "Repas ou collation commandé",
        "Salle préparée (ordinateur, vidéoprojecteur ou lien de connexion)",
        "Questionnaire de satisfaction envoyé",
    ];
}

/// <summary>An interprofessional training with its sessions, trainers, registrations and organisation checklist.</summary>
public class Training : IAuditable
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string? Theme { get; set; }
    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
    public List<Profession> TargetProfessions { get; set; } = [];
    public Guid? ActionSheetId { get; set; }
    public ActionSheet? ActionSheet { get; set; }
    public int Capacity { get; set; }
    public DateTimeOffset? RegistrationOpensAt { get; set; }
    /// <summary>Registering and cancelling stop here; without it, at the start of the first session.</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }
    public TrainingAudience Audience { get; set; }
    public TrainingStatus Status { get; set; }
    public TrainingMeal Meal { get; set; }

    public List<TrainingSession> Sessions { get; set; } = [];
    public List<TrainingTrainer> Trainers { get; set; } = [];
    public List<TrainingRegistration> Registrations { get; set; } = [];
    public List<TrainingChecklistItem> Checklist { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }

    public DateTimeOffset? StartsAt => Sessions.Count == 0 ? null : Sessions.Min(s => s.StartsAt);

    public DateTimeOffset? EndsAt => Sessions.Count == 0 ? null : Sessions.Max(s => s.EndsAt);

    public DateTimeOffset? ClosesAt => RegistrationClosesAt ?? StartsAt;
}

public class TrainingSession
{
    public Guid Id { get; set; }
    public Guid TrainingId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Room { get; set; }
    public string? Address { get; set; }
    public string? RemoteUrl { get; set; }
    public List<SessionAttendance> Attendance { get; set; } = [];

    public string Place => string.Join(", ", new[] { Room, Address, RemoteUrl is null ? null : "à distance" }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>A trainer: a professional of the directory, or someone from outside named here.</summary>
public class TrainingTrainer
{
    public Guid Id { get; set; }
    public Guid TrainingId { get; set; }
    public Guid? ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public int SortOrder { get; set; }
}

public class TrainingRegistration
{
    public Guid Id { get; set; }
    public Guid TrainingId { get; set; }
    public Training? Training { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public RegistrationStatus Status { get; set; }
    /// <summary>Where one stands in the waitlist: the moment of the last (re-)registration.</summary>
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>The secret of this attendee's survey link; the answer itself keeps no link to the person.</summary>
    public string? SurveyToken { get; set; }
    public DateTimeOffset? SurveySentAt { get; set; }
    public DateTimeOffset? SurveyAnsweredAt { get; set; }
}

public class SessionAttendance
{
    public Guid SessionId { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public bool Present { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
    public string MarkedByName { get; set; } = "";
}

public class TrainingChecklistItem
{
    public Guid Id { get; set; }
    public Guid TrainingId { get; set; }
    public string Label { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneByName { get; set; }
}

/// <summary>One attendee's satisfaction answer, kept without their name.</summary>
public class SurveyAnswer
{
    public Guid Id { get; set; }
    public Guid TrainingId { get; set; }
    public int Content { get; set; }
    public int Trainer { get; set; }
    public int Organisation { get; set; }
    public int Usefulness { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>A training topic proposed by a professional, that others vote for.</summary>
public class TopicSuggestion
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string? Details { get; set; }
    public Guid ProposedById { get; set; }
    public Professional? ProposedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<TopicVote> Votes { get; set; } = [];
}

public class TopicVote
{
    public Guid TopicSuggestionId { get; set; }
    public Guid ProfessionalId { get; set; }
    public DateTimeOffset At { get; set; }
}
