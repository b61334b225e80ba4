namespace Aposart.Web.Domain;

/// <summary>What a professional is compensated for; bureau work is not, so it has no kind here.</summary>
public enum CompensationKind
{
    WorkingGroupHours = 1,
    PreventionHalfDays = 2,
}

public enum CompensationStatus
{
    Submitted = 0,
    Validated = 1,
    Rejected = 2,
}

public static class CompensationText
{
    public static string Label(this CompensationKind kind) => kind switch
    {
        CompensationKind.WorkingGroupHours => "Groupe de travail (heures)",
        CompensationKind.PreventionHalfDays => "Action de prévention (demi-journées)",
        _ => kind.ToString(),
    };

    public static string Unit(this CompensationKind kind) => kind == CompensationKind.WorkingGroupHours ? "heure(s)" : "demi-journée(s)";

    public static string Label(this CompensationStatus status) => status switch
    {
        CompensationStatus.Submitted => "À valider",
        CompensationStatus.Validated => "Validée",
        CompensationStatus.Rejected => "Refusée",
        _ => status.ToString(),
    };
}

/// <summary>Time a professional gave to a fiche action, at the rate of its year; paid once the coordinator validates it.</summary>
public class CompensationEntry : IAuditable
{
    public Guid Id { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public Guid ActionSheetId { get; set; }
    public ActionSheet? ActionSheet { get; set; }
    public DateOnly Date { get; set; }
    public CompensationKind Kind { get; set; }
    public decimal Quantity { get; set; }
    /// <summary>The rate of the entry's year when it was recorded, so that a later change of rates leaves it as it was.</summary>
    public decimal Rate { get; set; }
    public decimal Amount { get; set; }
    public string? Description { get; set; }
    public CompensationStatus Status { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string RecordedByName { get; set; } = "";
    /// <summary>The working group's meeting the hours were spent in, when the entry was confirmed from it.</summary>
    public Guid? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}
