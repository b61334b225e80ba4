namespace Aposart.Web.Domain;

public enum MeetingKind
{
    OrdinaryAssembly = 1,
    ExtraordinaryAssembly = 2,
    Board = 3,
    WorkingGroup = 4,
    Public = 5,
}

public enum MeetingStatus
{
    Draft = 0,
    Convened = 1,
    Held = 2,
    Cancelled = 3,
}

public enum MeetingAnswer
{
    None = 0,
    Coming = 1,
    NotComing = 2,
    /// <summary>Not coming, and represented by another convened adherent who holds the proxy (pouvoir).</summary>
    Proxy = 3,
}

/// <summary>How a resolution is adopted: which share, of which votes.</summary>
public enum MajorityRule
{
    /// <summary>More « pour » than « contre » among the votes cast (abstentions not counted).</summary>
    SimpleOfCast = 1,
    /// <summary>At least two thirds of the votes cast are « pour ».</summary>
    TwoThirdsOfCast = 2,
    /// <summary>More than half of the members present and represented vote « pour ».</summary>
    SimpleOfRepresented = 3,
    /// <summary>At least two thirds of the members present and represented vote « pour ».</summary>
    TwoThirdsOfRepresented = 4,
}

public enum ResolutionKind
{
    Ordinary = 0,
    /// <summary>Sets next year's fees: once adopted, a bureau member applies the amounts to the fee table.</summary>
    Fees = 1,
    /// <summary>Elects members of the bureau among candidates: the <see cref="Resolution.Seats"/> with the most votes.</summary>
    Election = 2,
}

public enum VoteStatus
{
    NotOpened = 0,
    Open = 1,
    Closed = 2,
}

public enum BallotChoice
{
    For = 1,
    Against = 2,
    Abstain = 3,
}

public static class MeetingText
{
    public static string Label(this MeetingKind kind) => kind switch
    {
        MeetingKind.OrdinaryAssembly => "Assemblée générale ordinaire",
        MeetingKind.ExtraordinaryAssembly => "Assemblée générale extraordinaire",
        MeetingKind.Board => "Réunion du bureau",
        MeetingKind.WorkingGroup => "Groupe de travail",
        MeetingKind.Public => "Réunion publique / soirée d'échanges",
        _ => kind.ToString(),
    };

    public static bool IsAssembly(this MeetingKind kind) => kind is MeetingKind.OrdinaryAssembly or MeetingKind.ExtraordinaryAssembly;

    public static string Label(this MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "En préparation",
        MeetingStatus.Convened => "Convoquée",
        MeetingStatus.Held => "Tenue",
        MeetingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(this MeetingAnswer answer) => answer switch
    {
        MeetingAnswer.Coming => "Présent·e",
        MeetingAnswer.NotComing => "Absent·e",
        MeetingAnswer.Proxy => "Donne pouvoir",
        _ => "Sans réponse",
    };

    public static string Label(this MajorityRule rule) => rule switch
    {
        MajorityRule.SimpleOfCast => "Majorité simple des suffrages exprimés",
        MajorityRule.TwoThirdsOfCast => "Majorité des deux tiers des suffrages exprimés",
        MajorityRule.SimpleOfRepresented => "Majorité absolue des membres présents et représentés",
        MajorityRule.TwoThirdsOfRepresented => "Deux tiers des membres présents et représentés",
        _ => rule.ToString(),
    };

    public static string Label(this BallotChoice choice) => choice switch
    {
        BallotChoice.For => "Pour",
        BallotChoice.Against => "Contre",
        _ => "Abstention",
    };
}

/// <summary>A meeting of the association: an assembly, the bureau, a working group or a public evening.</summary>
public class Meeting : IAuditable
{
    public Guid Id { get; set; }
    public MeetingKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    /// <summary>Markdown: the order of the day, one item per line or heading.</summary>
    public string Agenda { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public DateTimeOffset? ConvenedAt { get; set; }
    public string? ConvenedByName { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>For a public meeting: the seats; registrations beyond go to the waiting list (null: no limit).</summary>
    public int? Capacity { get; set; }
    /// <summary>For a working group's meeting: the group, whose members are convened.</summary>
    public Guid? WorkingGroupId { get; set; }
    public WorkingGroup? WorkingGroup { get; set; }

    /// <summary>The minutes (compte rendu) in Markdown, written from a draft the portal fills in; fixed once approved.</summary>
    public string? Minutes { get; set; }
    public DateTimeOffset? MinutesApprovedAt { get; set; }
    public string? MinutesApprovedByName { get; set; }
    /// <summary>The members' document the approved minutes were published as.</summary>
    public Guid? MinutesDocumentId { get; set; }
    /// <summary>An assembly's approved minutes shown on the public « La CPTS » page, when the bureau chose to.</summary>
    public DateTimeOffset? MinutesPublicAt { get; set; }

    public List<MeetingInvitee> Invitees { get; set; } = [];
    public List<Resolution> Resolutions { get; set; } = [];
    public List<MeetingTask> Tasks { get; set; } = [];
    public List<PublicRegistration> Registrations { get; set; } = [];
    public List<MeetingDocument> Documents { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }

    /// <summary>Where it happens, as printed on convocations, reminders and the attendance sheet: the place, the video link, or both.</summary>
    public string Location => string.Join(" · ", new[] { Place, VideoLink }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>
/// One person convened, as they stood when the convocation left (name, address, collège): the list does not change
/// when a membership changes afterwards. Their answer, the proxy they give, their presence on the day.
/// </summary>
public class MeetingInvitee
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public int? CollegeId { get; set; }
    public string? CollegeName { get; set; }
    public MeetingAnswer Answer { get; set; }
    /// <summary>The invitee who holds this one's proxy, when <see cref="Answer"/> is <see cref="MeetingAnswer.Proxy"/>.</summary>
    public Guid? ProxyHolderId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool Present { get; set; }
    public DateTimeOffset? PresenceMarkedAt { get; set; }
    /// <summary>Printed as a QR code on the convocation: scanned at the door, it marks the person present.</summary>
    public string AttendanceCode { get; set; } = "";
    public uint Version { get; set; }
}

/// <summary>A resolution put to the vote, with its majority rule, its vote (online or counted in the room) and its result.</summary>
public class Resolution
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public ResolutionKind Kind { get; set; }
    public MajorityRule Majority { get; set; }
    /// <summary>
    /// The statutes weight the collèges: the majority must hold in each collège of the convened, counted apart (a
    /// collège outvoted is not carried by the others).
    /// </summary>
    public bool PerCollege { get; set; }
    public decimal? IndividualFee { get; set; }
    public decimal? StructureFee { get; set; }
    /// <summary>For an election: how many are elected.</summary>
    public int? Seats { get; set; }
    /// <summary>For an election: the whole bureau is renewed, so the mandates of those not elected close when the result is applied.</summary>
    public bool RenewsBoard { get; set; }
    public List<Candidate> Candidates { get; set; } = [];
    public VoteStatus VoteStatus { get; set; }
    public DateTimeOffset? VoteOpenedAt { get; set; }
    public DateTimeOffset? VoteClosedAt { get; set; }
    /// <summary>Counts entered by the bureau for a show of hands in the room, added to the online ballots.</summary>
    public int RoomFor { get; set; }
    public int RoomAgainst { get; set; }
    public int RoomAbstain { get; set; }
    public int? ResultFor { get; set; }
    public int? ResultAgainst { get; set; }
    public int? ResultAbstain { get; set; }
    /// <summary>Members present and represented when the vote closed: the base of the « of members » rules.</summary>
    public int? ResultRepresented { get; set; }
    public bool? Adopted { get; set; }
    /// <summary>For a resolution decided <see cref="PerCollege"/>: the count of each collège, stored at the close.</summary>
    public List<CollegeVote> CollegeVotes { get; set; } = [];
    public DateTimeOffset? AppliedAt { get; set; }
    public string? AppliedByName { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// A secret ballot: the choice alone, with no link to whoever cast it (<see cref="BallotCast"/> says who voted). In an
/// election, one ballot « pour » per candidate ticked, or one abstention for a blank vote.
/// </summary>
public class Ballot
{
    public Guid Id { get; set; }
    public Guid ResolutionId { get; set; }
    public BallotChoice Choice { get; set; }
    public Guid? CandidateId { get; set; }
    /// <summary>
    /// For a resolution decided per collège only: the collège of the adherent this vote is for, so that each collège is
    /// counted apart. Null otherwise, and for an adherent in no collège.
    /// </summary>
    public int? CollegeId { get; set; }
}

/// <summary>One collège's count of a resolution decided per collège: its online ballots, its room counts, its majority.</summary>
public class CollegeVote
{
    public Guid Id { get; set; }
    public Guid ResolutionId { get; set; }
    /// <summary>The collège as the convened stood in it (null: those convened in no collège, counted as one group).</summary>
    public int? CollegeId { get; set; }
    public string CollegeName { get; set; } = "";
    public int RoomFor { get; set; }
    public int RoomAgainst { get; set; }
    public int RoomAbstain { get; set; }
    public int ResultFor { get; set; }
    public int ResultAgainst { get; set; }
    public int ResultAbstain { get; set; }
    /// <summary>The collège's members present, represented or who voted online at the close: the base of the « of members » rules.</summary>
    public int Represented { get; set; }
    public bool Adopted { get; set; }
    /// <summary>Only a collège some of whose members took part weighs on the result: an absent collège cannot block a resolution.</summary>
    public bool Counts => Represented > 0;
}

/// <summary>A convened adherent standing in an election, with the votes counted at the close.</summary>
public class Candidate
{
    public Guid Id { get; set; }
    public Guid ResolutionId { get; set; }
    public Guid InviteeId { get; set; }
    public MeetingInvitee? Invitee { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Votes counted in the room by the bureau, added to the online ballots.</summary>
    public int RoomVotes { get; set; }
    public int? Votes { get; set; }
    public bool Elected { get; set; }
}

/// <summary>
/// Who has voted on a resolution, for themselves or for the adherent whose proxy they hold: one row per represented
/// invitee, unique, so that two votes sent at once count once.
/// </summary>
public class BallotCast
{
    public Guid ResolutionId { get; set; }
    /// <summary>The invitee whose vote this is (the voter, or the one who gave the proxy).</summary>
    public Guid ForInviteeId { get; set; }
    public Guid ByInviteeId { get; set; }
}

/// <summary>A decision or task taken in a meeting: what, who, by when, for which fiche action; done when its person says so.</summary>
public class MeetingTask
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string What { get; set; } = "";
    /// <summary>The account of the person who carries it, when they have one; the name stays as written.</summary>
    public Guid? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    public DateOnly? DueOn { get; set; }
    public Guid? ActionSheetId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneByName { get; set; }
}

public enum PublicRegistrationStatus
{
    Confirmed = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

/// <summary>
/// Someone registered to a public meeting or evening from the public agenda, with or without an account: a professional
/// (their profession) or a patient (no profession). Their link (token) lets them cancel, which gives the seat to the first
/// on the waiting list.
/// </summary>
public class PublicRegistration
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>Null for a patient or a relative (« usager »).</summary>
    public Profession? Profession { get; set; }
    public PublicRegistrationStatus Status { get; set; }
    public string Token { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ConfirmedFromWaitlistAt { get; set; }
}

/// <summary>A paper of a meeting (report, accounts, draft statutes): a members' document, versioned as they all are.</summary>
public class MeetingDocument
{
    public Guid MeetingId { get; set; }
    public Guid DocumentId { get; set; }
    public MemberDocument? Document { get; set; }
}
