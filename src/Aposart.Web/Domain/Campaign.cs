namespace Aposart.Web.Domain;

public enum CampaignKind
{
    QuarterlyLetter = 0,
    Flashmail = 1,
    TrainingAnnouncement = 2,
}

public enum CampaignStatus
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Scheduled = 3,
    Sending = 4,
    Sent = 5,
    Cancelled = 6,
}

public enum AudienceKind
{
    UpToDateMembers = 0,
    DirectoryProfessionals = 1,
    Professions = 2,
    Communes = 3,
    Colleges = 4,
    TrainingRegistrants = 5,
    Partners = 6,
    /// <summary>The members of one working group (leads included).</summary>
    WorkingGroupMembers = 7,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Cancelled = 3,
}

public static class CampaignText
{
    public static string Label(this CampaignKind kind) => kind switch
    {
        CampaignKind.QuarterlyLetter => "Lettre trimestrielle",
        CampaignKind.Flashmail => "Flashmail",
        CampaignKind.TrainingAnnouncement => "Annonce de formation",
        _ => kind.ToString(),
    };

    public static string Label(this CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "Brouillon",
        CampaignStatus.Submitted => "Soumise au bureau",
        CampaignStatus.Approved => "Approuvée",
        CampaignStatus.Scheduled => "Planifiée",
        CampaignStatus.Sending => "En cours d'envoi",
        CampaignStatus.Sent => "Envoyée",
        CampaignStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(this AudienceKind kind) => kind switch
    {
        AudienceKind.UpToDateMembers => "Adhérents à jour de cotisation",
        AudienceKind.DirectoryProfessionals => "Tous les professionnels de l'annuaire",
        AudienceKind.Professions => "Professionnels de certaines professions",
        AudienceKind.Communes => "Professionnels exerçant dans certaines communes",
        AudienceKind.Colleges => "Adhérents de certains collèges",
        AudienceKind.TrainingRegistrants => "Inscrits à une formation",
        AudienceKind.Partners => "Partenaires (structures de l'annuaire)",
        AudienceKind.WorkingGroupMembers => "Membres d'un groupe de travail",
        _ => kind.ToString(),
    };
}

/// <summary>A quarterly letter or a flashmail: written, approved when it must be, then sent through the outbox.</summary>
public class Campaign : IAuditable
{
    public Guid Id { get; set; }
    public CampaignKind Kind { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>Markdown; rendered and sanitised when sent.</summary>
    public string Body { get; set; } = "";
    public AudienceKind Audience { get; set; }
    public List<Profession> AudienceProfessions { get; set; } = [];
    public List<string> AudienceCommunes { get; set; } = [];
    public List<int> AudienceColleges { get; set; } = [];
    public Guid? AudienceTrainingId { get; set; }
    public Guid? AudienceWorkingGroupId { get; set; }
    public CampaignStatus Status { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public List<CampaignApproval> Approvals { get; set; } = [];
    public List<CampaignEvent> Events { get; set; } = [];
    public List<CampaignAttachment> Attachments { get; set; } = [];
    /// <summary>The mail server's refusal of the sender or of this message, in French, while it lasts; null when sending goes well.</summary>
    public string? SendingProblem { get; set; }
    public DateTimeOffset? SendingProblemAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }
}

/// <summary>A PDF sent with every copy of a campaign; checked by its content, not its name.</summary>
public class CampaignAttachment
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset AddedAt { get; set; }
}

public class CampaignApproval
{
    public Guid CampaignId { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>One transition of a campaign: who moved it from what to what, and when.</summary>
public class CampaignEvent
{
    public long Id { get; set; }
    public Guid CampaignId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ByName { get; set; } = "";
    public CampaignStatus? From { get; set; }
    public CampaignStatus To { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// One message to send: a campaign's recipient (rendered when sent, personalised) or a portal notice (stored ready).
/// Workers claim rows with a lease; a row is sent at most once apart from a crash between the send and its marking.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public Guid? CampaignId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string? FirstName { get; set; }
    /// <summary>A portal notice, ready to send (MIME); null for campaign rows.</summary>
    public byte[]? Mime { get; set; }
    public string? Subject { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LeasedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>What one address receives, and its unsubscribe token; unsubscribed and bounced addresses get no campaign.</summary>
public class MailSubscriber
{
    public string Address { get; set; } = "";
    public string Token { get; set; } = "";
    public bool QuarterlyLetter { get; set; } = true;
    public bool Flashmails { get; set; } = true;
    public bool TrainingAnnouncements { get; set; } = true;
    public DateTimeOffset? UnsubscribedAt { get; set; }
    public DateTimeOffset? BouncedAt { get; set; }
    public string? BounceReason { get; set; }
}
