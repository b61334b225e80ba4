namespace Aposart.Web.Domain;

public enum BureauTitle
{
    President = 1,
    VicePresident = 2,
    Treasurer = 3,
    Secretary = 4,
    Member = 5,
}

public static class BureauTitleText
{
    public static string Label(this BureauTitle title) => title switch
    {
        BureauTitle.President => "Président·e",
        BureauTitle.VicePresident => "Vice-président·e",
        BureauTitle.Treasurer => "Trésorier·e",
        BureauTitle.Secretary => "Secrétaire",
        _ => "Membre du bureau",
    };
}

/// <summary>
/// A seat on the bureau: who, which office, from when until when. An open mandate carries the Bureau role; its end takes
/// the role back. Whether the person's name appears on the public page is their own choice.
/// </summary>
public class BureauMandate
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public BureauTitle Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The person agreed to show their name, office and collège on the "La CPTS" page.</summary>
    public bool PublicConsent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    /// <summary>When the mandate was closed (by the administrator, or by the portal at its end date).</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? EndWarningSentAt { get; set; }

    public bool IsOpen => ClosedAt is null;
}
