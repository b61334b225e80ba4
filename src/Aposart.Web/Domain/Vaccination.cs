namespace Aposart.Web.Domain;

public enum CentreStatus
{
    Open = 0,
    TemporarilyClosed = 1,
    Closed = 2,
}

public enum ShiftRole
{
    VaccinatingNurse = 1,
    Doctor = 2,
    Pharmacist = 3,
    Reception = 4,
}

public static class VaccinationText
{
    public static string Label(this CentreStatus status) => status switch
    {
        CentreStatus.Open => "Ouvert",
        CentreStatus.TemporarilyClosed => "Fermé temporairement",
        CentreStatus.Closed => "Fermé",
        _ => status.ToString(),
    };

    public static string Label(this ShiftRole role) => role switch
    {
        ShiftRole.VaccinatingNurse => "Infirmier vaccinateur",
        ShiftRole.Doctor => "Médecin",
        ShiftRole.Pharmacist => "Pharmacien",
        ShiftRole.Reception => "Accueil et saisie",
        _ => role.ToString(),
    };
}

/// <summary>A vaccination centre of the territory, shown to the public at /vaccination.</summary>
public class VaccinationCentre : IAuditable
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string? CommuneInsee { get; set; }
    public Commune? Commune { get; set; }
    public CentreStatus Status { get; set; }
    /// <summary>Where the centre is (WGS 84), for the maps; without them the map places it in the middle of its commune.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? BookingUrl { get; set; }
    public string? BookingPhone { get; set; }
    public string? WhoMayCome { get; set; }
    public string? DocumentsToBring { get; set; }
    public bool Published { get; set; }
    public List<CentreOpening> Openings { get; set; } = [];
    public List<CentreClosure> Closures { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>Opening hours of one weekday; a day without a row is closed.</summary>
public class CentreOpening
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>An exceptional closure (bank holiday, lack of vaccine).</summary>
public class CentreClosure
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>A crisis the coordinator declared: a banner on every public page until it is ended.</summary>
public class CrisisAlert
{
    public Guid Id { get; set; }
    public string Message { get; set; } = "";
    public string? LinkUrl { get; set; }
    public string? LinkLabel { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string StartedByName { get; set; } = "";
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A shift of the centre's rota: a role, hours, how many people it needs.</summary>
public class CentreShift
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public VaccinationCentre? Centre { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Starts { get; set; }
    public TimeOnly Ends { get; set; }
    public ShiftRole Role { get; set; }
    public int Needed { get; set; }
    public List<ShiftSignup> Signups { get; set; } = [];
}

public class ShiftSignup
{
    public Guid Id { get; set; }
    public Guid ShiftId { get; set; }
    public CentreShift? Shift { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
}

/// <summary>A message sent through the public contact form: kept for the bureau and mailed to the CPTS address.</summary>
public class ContactMessage
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
}
