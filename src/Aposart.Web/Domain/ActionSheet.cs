namespace Aposart.Web.Domain;

public enum ActionStatus
{
    Draft = 0,
    Validated = 1,
    InProgress = 2,
    Completed = 3,
    Abandoned = 4,
}

public enum StepStatus
{
    ToDo = 0,
    InProgress = 1,
    Done = 2,
}

public enum IndicatorKind
{
    Process = 1,
    Outcome = 2,
}

public enum IndicatorUnit
{
    Count = 1,
    Percent = 2,
    Euro = 3,
}

/// <summary>Where an indicator's values come from: typed by a pilot, or computed from the portal's own data.</summary>
public enum IndicatorSource
{
    Manual = 0,
    SecureMailShare = 1,
    AdherentCount = 2,
    TrainingsHeld = 3,
    TrainingAttendees = 4,
    SnpSlotsOffered = 5,
    SnpSlotsGiven = 6,
    SnpSlotsHonoured = 7,
    SnpGpShare = 8,
    PublicMeetingParticipants = 9,
}

public static class ActionSheetText
{
    public static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.Draft => "Brouillon",
        ActionStatus.Validated => "Validée",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Completed => "Terminée",
        ActionStatus.Abandoned => "Abandonnée",
        _ => status.ToString(),
    };

    public static string Label(this StepStatus status) => status switch
    {
        StepStatus.ToDo => "À faire",
        StepStatus.InProgress => "En cours",
        StepStatus.Done => "Faite",
        _ => status.ToString(),
    };

    public static string Label(this IndicatorKind kind) => kind == IndicatorKind.Process ? "Processus" : "Résultat";

    public static string Label(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "Nombre",
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Euro => "€",
        _ => unit.ToString(),
    };

    public static string Label(this IndicatorSource source) => source switch
    {
        IndicatorSource.Manual => "Saisi par le pilote",
        IndicatorSource.SecureMailShare => "Calculé : part des professionnels de l'annuaire ayant une adresse MSSanté",
        IndicatorSource.AdherentCount => "Calculé : nombre d'adhérents de l'année",
        IndicatorSource.TrainingsHeld => "Calculé : formations réalisées dans l'année",
        IndicatorSource.TrainingAttendees => "Calculé : participants distincts aux formations de l'année",
        IndicatorSource.SnpSlotsOffered => "Calculé : créneaux de soins non programmés proposés dans l'année",
        IndicatorSource.SnpSlotsGiven => "Calculé : créneaux de soins non programmés attribués dans l'année",
        IndicatorSource.SnpSlotsHonoured => "Calculé : créneaux de soins non programmés honorés dans l'année",
        IndicatorSource.SnpGpShare => "Calculé : part des médecins généralistes du territoire proposant des créneaux (%)",
        IndicatorSource.PublicMeetingParticipants => "Calculé : participants aux réunions publiques de l'année",
        _ => source.ToString(),
    };
}

/// <summary>One action of the projet de santé, tied to an ACI mission, run by its pilots.</summary>
public class ActionSheet : IAuditable
{
    public Guid Id { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public AciMission Mission { get; set; }
    public string? Theme { get; set; }
    /// <summary>Markdown, like every long text of the fiche.</summary>
    public string? Context { get; set; }
    public string? GeneralObjective { get; set; }
    public string? OperationalObjectives { get; set; }
    public string? TargetPopulation { get; set; }
    public string? Actors { get; set; }
    public string? Partners { get; set; }
    public string? Milestones { get; set; }
    public string? Resources { get; set; }
    public string? RegionalPlanLink { get; set; }
    public string? LocalContractLink { get; set; }
    public string? AciLink { get; set; }
    public ActionStatus Status { get; set; }
    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }
    /// <summary>Shown on the public /actions page with its summary.</summary>
    public bool Published { get; set; }
    public string? PublicSummary { get; set; }

    public List<Professional> Pilots { get; set; } = [];
    public List<Organisation> PartnerOrganisations { get; set; } = [];
    public List<ActionStep> Steps { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<ActionComment> Comments { get; set; } = [];
    public List<ActionChange> Changes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}

public class ActionStep
{
    public Guid Id { get; set; }
    public Guid ActionSheetId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public string? Owner { get; set; }
    public StepStatus Status { get; set; }
    public int SortOrder { get; set; }

    public bool IsLate(DateOnly today) => Status != StepStatus.Done && DueOn < today;
}

public class BudgetLine
{
    public Guid Id { get; set; }
    public Guid ActionSheetId { get; set; }
    public string Label { get; set; } = "";
    public decimal Amount { get; set; }
    public int SortOrder { get; set; }
}

public class Indicator
{
    public Guid Id { get; set; }
    public Guid ActionSheetId { get; set; }
    public ActionSheet? ActionSheet { get; set; }
    public IndicatorKind Kind { get; set; }
    public string Name { get; set; } = "";
    public IndicatorUnit Unit { get; set; }
    /// <summary>Numerator over denominator, shown as a percentage.</summary>
    public bool IsRatio { get; set; }
    public string? Computation { get; set; }
    public decimal? Baseline { get; set; }
    public IndicatorSource Source { get; set; }
    public int SortOrder { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<Measurement> Measurements { get; set; } = [];
    public uint Version { get; set; }

    public bool IsComputed => Source != IndicatorSource.Manual;

    /// <summary>A value in the indicator's unit, as people read it ("12", "45,5 %", "1 200,00 €").</summary>
    public string Format(decimal? value) => value is not { } v ? "—" : Unit switch
    {
        IndicatorUnit.Percent => v.ToString("0.#", ActionSheetText.French) + " %",
        IndicatorUnit.Euro => v.ToString("#,0.00", ActionSheetText.French) + " €",
        _ => v.ToString("#,0.##", ActionSheetText.French),
    };
}

public class IndicatorTarget
{
    public Guid IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
}

public class Measurement
{
    public Guid Id { get; set; }
    public Guid IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public Guid? EnteredById { get; set; }
    public string EnteredByName { get; set; } = "";
}

public class ActionComment
{
    public Guid Id { get; set; }
    public Guid ActionSheetId { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>One field of a fiche changed: who, when, from what to what.</summary>
public class ActionChange
{
    public long Id { get; set; }
    public Guid ActionSheetId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
