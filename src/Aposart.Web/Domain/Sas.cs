namespace Aposart.Web.Domain;

/// <summary>How a same-day slot is given: the SAS platform reads it as ActEncounterCode AMB, HH or VR.</summary>
public enum ConsultationMode
{
    Office = 0,
    Home = 1,
    Video = 2,
}

public static class ConsultationModeText
{
    public static string Label(this ConsultationMode mode) => mode switch
    {
        ConsultationMode.Home => "À domicile",
        ConsultationMode.Video => "Téléconsultation",
        _ => "Au cabinet",
    };
}

/// <summary>
/// A key the national SAS platform presents to read the CPTS's free slots. Only its SHA-256 is kept: the key is shown
/// once, when issued; revoking it refuses it at once.
/// </summary>
public class SasKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>The key's last four characters, so that the Admin can tell keys apart without the key.</summary>
    public string Hint { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

/// <summary>One call of the SAS interface: when, with which key, what was asked, what was answered. No patient data ever passes.</summary>
public class SasRequest
{
    public long Id { get; set; }
    public Guid? SasKeyId { get; set; }
    public SasKey? SasKey { get; set; }
    public DateTimeOffset At { get; set; }
    public int Status { get; set; }
    public int Slots { get; set; }
    public string Query { get; set; } = "";
    public string? ClientAddress { get; set; }
}
