using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Place).HasMaxLength(300);
        builder.Property(m => m.VideoLink).HasMaxLength(500);
        builder.Property(m => m.Agenda).HasMaxLength(20_000);
        builder.Property(m => m.ConvenedByName).HasMaxLength(200);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasIndex(m => m.StartsAt);
        builder.HasMany(m => m.Invitees).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Resolutions).WithOne(r => r.Meeting).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.WorkingGroup).WithMany().HasForeignKey(m => m.WorkingGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Tasks).WithOne(t => t.Meeting).HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Minutes).HasMaxLength(100_000);
        builder.Property(m => m.MinutesApprovedByName).HasMaxLength(200);
        builder.HasOne<MemberDocument>().WithMany().HasForeignKey(m => m.MinutesDocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.CollegeName).HasMaxLength(100);
        builder.Property(i => i.AttendanceCode).HasMaxLength(64);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasIndex(i => new { i.MeetingId, i.UserId }).IsUnique();
        builder.HasIndex(i => i.AttendanceCode).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingInvitee>().WithMany().HasForeignKey(i => i.ProxyHolderId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Text).HasMaxLength(10_000);
        builder.Property(r => r.IndividualFee).HasPrecision(10, 2);
        builder.Property(r => r.StructureFee).HasPrecision(10, 2);
        builder.Property(r => r.AppliedByName).HasMaxLength(200);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.MeetingId, r.Number }).IsUnique();
        builder.HasMany(r => r.Candidates).WithOne().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.CollegeVotes).WithOne().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CollegeVoteConfiguration : IEntityTypeConfiguration<CollegeVote>
{
    public void Configure(EntityTypeBuilder<CollegeVote> builder)
    {
        builder.Property(c => c.CollegeName).HasMaxLength(100);
        // The collège is a snapshot of the convocation, like the invitee's: no key to a collège renamed or removed since.
        builder.HasIndex(c => new { c.ResolutionId, c.CollegeId }).IsUnique().AreNullsDistinct(false);
    }
}

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        // One candidacy per person and election.
        builder.HasIndex(c => new { c.ResolutionId, c.InviteeId }).IsUnique();
        builder.HasOne(c => c.Invitee).WithMany().HasForeignKey(c => c.InviteeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        // Random (version 4) ids given by the code: the time-ordered ids EF would generate would date each ballot, and
        // the dates would tie it to the voter list.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasIndex(b => b.ResolutionId);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(b => b.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resolution>().WithMany().HasForeignKey(b => b.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BallotCastConfiguration : IEntityTypeConfiguration<BallotCast>
{
    public void Configure(EntityTypeBuilder<BallotCast> builder)
    {
        // One vote per represented adherent and resolution: the second of two votes sent at once fails here.
        builder.HasKey(c => new { c.ResolutionId, c.ForInviteeId });
        builder.HasOne<Resolution>().WithMany().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingInvitee>().WithMany().HasForeignKey(c => c.ForInviteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingInvitee>().WithMany().HasForeignKey(c => c.ByInviteeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingTaskConfiguration : IEntityTypeConfiguration<MeetingTask>
{
    public void Configure(EntityTypeBuilder<MeetingTask> builder)
    {
        builder.Property(t => t.What).HasMaxLength(500);
        builder.Property(t => t.AssigneeName).HasMaxLength(200);
        builder.Property(t => t.DoneByName).HasMaxLength(200);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ActionSheet>().WithMany().HasForeignKey(t => t.ActionSheetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.AssigneeId);
        builder.HasIndex(t => t.ActionSheetId);
    }
}

public sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Description).HasMaxLength(4000);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasOne(g => g.ActionSheet).WithMany().HasForeignKey(g => g.ActionSheetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> builder)
    {
        builder.Property(m => m.AcceptedByName).HasMaxLength(200);
        // One row per person and group: asking twice, or two requests at once, makes one request.
        builder.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicRegistrationConfiguration : IEntityTypeConfiguration<PublicRegistration>
{
    public void Configure(EntityTypeBuilder<PublicRegistration> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Token).HasMaxLength(64);
        builder.HasIndex(r => r.Token).IsUnique();
        // One live registration per address and meeting: registering twice, or twice at once, holds one seat.
        builder.HasIndex(r => new { r.MeetingId, r.Email }).IsUnique().HasFilter("status <> 3");
        builder.HasOne(r => r.Meeting).WithMany(m => m.Registrations).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> builder)
    {
        builder.HasKey(d => new { d.MeetingId, d.DocumentId });
        builder.HasOne<Meeting>().WithMany(m => m.Documents).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Document).WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
