namespace Aposart.Web.Domain;

public enum SnpSlotStatus
{
    Open = 0,
    Given = 1,
    Withdrawn = 2,
}

public static class SnpText
{
    public static string Label(this SnpSlotStatus status) => status switch
    {
        SnpSlotStatus.Open => "Libre",
        SnpSlotStatus.Given => "Attribué",
        SnpSlotStatus.Withdrawn => "Retiré",
        _ => status.ToString(),
    };
}

/// <summary>
/// A same-day consultation slot a general practitioner sets aside for a patient of the territory (soins non programmés).
/// It holds no patient data: a regulator gives it with a reference of their own only.
/// </summary>
public class SnpSlot : IAuditable
{
    public Guid Id { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    /// <summary>The practice site as it was when the slot was published: profiles replace their sites when saved.</summary>
    public string Place { get; set; } = "";
    public string? CommuneInsee { get; set; }
    public Commune? Commune { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>At the practice, at home or by video: what the SAS platform shows the regulator.</summary>
    public ConsultationMode Mode { get; set; }
    /// <summary>Without appointment (the patient comes during the slot) rather than at its time.</summary>
    public bool WalkIn { get; set; }
    public SnpSlotStatus Status { get; set; }
    /// <summary>The regulator's own reference (a file number of theirs): never a patient name.</summary>
    public string? GivenReference { get; set; }
    public DateTimeOffset? GivenAt { get; set; }
    public string? GivenByName { get; set; }
    public bool? Honoured { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}
