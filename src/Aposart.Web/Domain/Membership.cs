namespace Aposart.Web.Domain;

public enum MembershipStatus
{
    Draft = 0,
    PendingValidation = 1,
    InformationRequested = 2,
    ApprovedFeeDue = 3,
    UpToDate = 4,
    Late = 5,
    Terminated = 6,
    Exempt = 7,
    Rejected = 8,
}

public enum FeeCategory
{
    Individual = 1,
    Structure = 2,
}

public enum PaymentMethod
{
    Cheque = 1,
    Transfer = 2,
    Cash = 3,
}

public static class MembershipText
{
    public static string Label(this MembershipStatus status) => status switch
    {
        MembershipStatus.Draft => "Brouillon",
        MembershipStatus.PendingValidation => "En attente de validation",
        MembershipStatus.InformationRequested => "Complément demandé",
        MembershipStatus.ApprovedFeeDue => "Validée – cotisation due",
        MembershipStatus.UpToDate => "À jour",
        MembershipStatus.Late => "En retard",
        MembershipStatus.Terminated => "Résiliée",
        MembershipStatus.Exempt => "Exonérée",
        MembershipStatus.Rejected => "Refusée",
        _ => status.ToString(),
    };

    public static string Label(this FeeCategory category) => category switch
    {
        FeeCategory.Individual => "Individuelle (professionnel)",
        FeeCategory.Structure => "Structure",
        _ => category.ToString(),
    };

    public static string Label(this PaymentMethod method) => method switch
    {
        PaymentMethod.Cheque => "Chèque",
        PaymentMethod.Transfer => "Virement",
        PaymentMethod.Cash => "Espèces",
        _ => method.ToString(),
    };

    /// <summary>Statuses in which the person counts as a member (role Adherent); an array so that queries can use it too.</summary>
    public static readonly MembershipStatus[] ActiveStatuses =
        [MembershipStatus.ApprovedFeeDue, MembershipStatus.UpToDate, MembershipStatus.Late, MembershipStatus.Exempt];

    public static bool IsActive(this MembershipStatus status) => ActiveStatuses.Contains(status);
}

/// <summary>A voting group of members; the list is configurable per CPTS.</summary>
public class College
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public enum StatutesKind
{
    Statutes = 1,
    /// <summary>Règlement intérieur.</summary>
    InternalRules = 2,
}

/// <summary>
/// One version of the association's statutes or of its règlement intérieur, as a PDF uploaded by the bureau (or, for
/// the first demo version, a text); a membership keeps the version of the statutes its holder accepted.
/// </summary>
public class StatutesVersion
{
    public int Id { get; set; }
    public StatutesKind Kind { get; set; } = StatutesKind.Statutes;
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    public byte[]? Pdf { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public DateTimeOffset? UploadedAt { get; set; }
    public string UploadedByName { get; set; } = "";
}

/// <summary>The fee of one category for one year, set by the association.</summary>
public class MembershipFee
{
    public int Year { get; set; }
    public FeeCategory Category { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A professional's membership for one civil year.</summary>
public class Membership : IAuditable
{
    public Guid Id { get; set; }
    public Guid ProfessionalId { get; set; }
    public Professional? Professional { get; set; }
    public int Year { get; set; }
    public int CollegeId { get; set; }
    public College? College { get; set; }
    public FeeCategory FeeCategory { get; set; }
    public decimal FeeAmount { get; set; }
    public PaymentMethod IntendedPaymentMethod { get; set; }
    public int StatutesVersionId { get; set; }
    public StatutesVersion? StatutesVersion { get; set; }
    public DateTimeOffset StatutesAcceptedAt { get; set; }
    public MembershipStatus Status { get; set; }
    /// <summary>Reason of a rejection or termination, or the information the bureau asked for.</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    /// <summary>"2026-0007": given once when the membership first becomes valid, never renumbered.</summary>
    public string? CertificateNumber { get; set; }
    public List<PaymentAllocation> Allocations { get; set; } = [];
    public List<MembershipEvent> Events { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }

    public decimal AmountPaid => Allocations.Sum(a => a.Amount);
}

/// <summary>A payment received; one payment may cover several memberships (a structure paying for its staff).</summary>
public class Payment : IAuditable
{
    public Guid Id { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public string? PayerName { get; set; }
    /// <summary>"2026-R-0012": numbered per year in sequence, never renumbered.</summary>
    public string ReceiptNumber { get; set; } = "";
    public List<PaymentAllocation> Allocations { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
}

public class PaymentAllocation
{
    public Guid PaymentId { get; set; }
    public Payment? Payment { get; set; }
    public Guid MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>One line of a membership's history: who did what, when, from which status to which.</summary>
public class MembershipEvent
{
    public long Id { get; set; }
    public Guid MembershipId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public string? ByName { get; set; }
    public string Action { get; set; } = "";
    public MembershipStatus? FromStatus { get; set; }
    public MembershipStatus? ToStatus { get; set; }
    public string? Details { get; set; }
}

/// <summary>The last number given per year and kind of document, so numbers follow each other without gaps or reuse.</summary>
public class DocumentCounter
{
    public int Year { get; set; }
    public string Kind { get; set; } = "";
    public int LastNumber { get; set; }
}

/// <summary>A renewal reminder already sent: the job never sends the same one twice.</summary>
public class MembershipReminder
{
    public Guid MembershipId { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A person's request to be forgotten, kept for the coordinator's register of RGPD requests.</summary>
public class ErasureRequest
{
    public Guid Id { get; set; }
    /// <summary>The account that asked; kept as a bare id because the account itself is deleted.</summary>
    public Guid UserId { get; set; }
    /// <summary>The anonymised record, so the coordinator can check what remains.</summary>
    public Guid? ProfessionalId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
