using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Theme).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(10000);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasOne(t => t.ActionSheet).WithMany().HasForeignKey(t => t.ActionSheetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Trainers).WithOne().HasForeignKey(s => s.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Registrations).WithOne(r => r.Training).HasForeignKey(r => r.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Checklist).WithOne().HasForeignKey(c => c.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Status);
    }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(s => s.Room).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.RemoteUrl).HasMaxLength(500);
        builder.HasIndex(s => s.StartsAt);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingTrainerConfiguration : IEntityTypeConfiguration<TrainingTrainer>
{
    public void Configure(EntityTypeBuilder<TrainingTrainer> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Role).HasMaxLength(200);
        builder.HasOne(t => t.Professional).WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class TrainingRegistrationConfiguration : IEntityTypeConfiguration<TrainingRegistration>
{
    public void Configure(EntityTypeBuilder<TrainingRegistration> builder)
    {
        // One row per person and training: cancelling and registering again reuse it.
        builder.HasIndex(r => new { r.TrainingId, r.ProfessionalId }).IsUnique();
        builder.HasIndex(r => new { r.TrainingId, r.Status, r.RegisteredAt });
        builder.HasIndex(r => r.SurveyToken).IsUnique();
        builder.Property(r => r.SurveyToken).HasMaxLength(64);
        builder.HasOne(r => r.Professional).WithMany().HasForeignKey(r => r.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.ProfessionalId });
        builder.Property(a => a.MarkedByName).HasMaxLength(200);
        builder.HasOne(a => a.Professional).WithMany().HasForeignKey(a => a.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingChecklistItemConfiguration : IEntityTypeConfiguration<TrainingChecklistItem>
{
    public void Configure(EntityTypeBuilder<TrainingChecklistItem> builder)
    {
        builder.Property(c => c.Label).HasMaxLength(200);
        builder.Property(c => c.DoneByName).HasMaxLength(200);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(2000);
        builder.HasIndex(a => a.TrainingId);
        builder.HasOne<Training>().WithMany().HasForeignKey(a => a.TrainingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TopicSuggestionConfiguration : IEntityTypeConfiguration<TopicSuggestion>
{
    public void Configure(EntityTypeBuilder<TopicSuggestion> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Details).HasMaxLength(2000);
        builder.HasOne(t => t.ProposedBy).WithMany().HasForeignKey(t => t.ProposedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Votes).WithOne().HasForeignKey(v => v.TopicSuggestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TopicVoteConfiguration : IEntityTypeConfiguration<TopicVote>
{
    public void Configure(EntityTypeBuilder<TopicVote> builder)
    {
        builder.HasKey(v => new { v.TopicSuggestionId, v.ProfessionalId });
        builder.HasOne<Professional>().WithMany().HasForeignKey(v => v.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}
