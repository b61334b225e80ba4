using Aposart.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data;

public class AposartDbContext(DbContextOptions<AposartDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<RegisterEntry> RegisterEntries => Set<RegisterEntry>();
    public DbSet<RegisterImport> RegisterImports => Set<RegisterImport>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<AccountAudit> AccountAudits => Set<AccountAudit>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SettingsVersion> SettingsVersions => Set<SettingsVersion>();
    public DbSet<BureauMandate> BureauMandates => Set<BureauMandate>();
    public DbSet<PracticeSite> PracticeSites => Set<PracticeSite>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<College> Colleges => Set<College>();
    public DbSet<StatutesVersion> StatutesVersions => Set<StatutesVersion>();
    public DbSet<MembershipFee> MembershipFees => Set<MembershipFee>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();
    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<MembershipReminder> MembershipReminders => Set<MembershipReminder>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<ActionSheet> ActionSheets => Set<ActionSheet>();
    public DbSet<ActionStep> ActionSteps => Set<ActionStep>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<ActionComment> ActionComments => Set<ActionComment>();
    public DbSet<ActionChange> ActionChanges => Set<ActionChange>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingTrainer> TrainingTrainers => Set<TrainingTrainer>();
    public DbSet<TrainingRegistration> TrainingRegistrations => Set<TrainingRegistration>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<TrainingChecklistItem> TrainingChecklistItems => Set<TrainingChecklistItem>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<TopicSuggestion> TopicSuggestions => Set<TopicSuggestion>();
    public DbSet<TopicVote> TopicVotes => Set<TopicVote>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignApproval> CampaignApprovals => Set<CampaignApproval>();
    public DbSet<CampaignAttachment> CampaignAttachments => Set<CampaignAttachment>();
    public DbSet<CampaignEvent> CampaignEvents => Set<CampaignEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailSubscriber> MailSubscribers => Set<MailSubscriber>();
    public DbSet<CompensationEntry> CompensationEntries => Set<CompensationEntry>();
    public DbSet<SnpSlot> SnpSlots => Set<SnpSlot>();
    public DbSet<SasKey> SasKeys => Set<SasKey>();
    public DbSet<SasRequest> SasRequests => Set<SasRequest>();
    public DbSet<VaccinationCentre> VaccinationCentres => Set<VaccinationCentre>();
    public DbSet<CrisisAlert> CrisisAlerts => Set<CrisisAlert>();
    public DbSet<CentreShift> CentreShifts => Set<CentreShift>();
    public DbSet<ShiftSignup> ShiftSignups => Set<ShiftSignup>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<DocumentCategory> DocumentCategories => Set<DocumentCategory>();
    public DbSet<MemberDocument> MemberDocuments => Set<MemberDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SpreadsheetImport> SpreadsheetImports => Set<SpreadsheetImport>();
    public DbSet<SpreadsheetImportLine> SpreadsheetImportLines => Set<SpreadsheetImportLine>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotCast> BallotCasts => Set<BallotCast>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<CollegeVote> CollegeVotes => Set<CollegeVote>();
    public DbSet<MeetingTask> MeetingTasks => Set<MeetingTask>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<WorkingGroupMember> WorkingGroupMembers => Set<WorkingGroupMember>();
    public DbSet<PublicRegistration> PublicRegistrations => Set<PublicRegistration>();
    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();

    /// <summary>The one place that says how the portal talks to PostgreSQL, shared by the app, the CLI and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables itself; keep the whole schema in one naming style.
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AposartDbContext).Assembly);
    }
}
