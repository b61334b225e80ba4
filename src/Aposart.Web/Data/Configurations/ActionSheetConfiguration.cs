using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class ActionSheetConfiguration : IEntityTypeConfiguration<ActionSheet>
{
    public void Configure(EntityTypeBuilder<ActionSheet> builder)
    {
        builder.Property(a => a.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Theme).HasMaxLength(100);
        foreach (var link in new[] { nameof(ActionSheet.RegionalPlanLink), nameof(ActionSheet.LocalContractLink), nameof(ActionSheet.AciLink) })
        {
            builder.Property(link).HasMaxLength(500);
        }
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.Mission, a.Status });
        builder.HasMany(a => a.Pilots).WithMany().UsingEntity("action_sheet_pilots");
        builder.HasMany(a => a.PartnerOrganisations).WithMany().UsingEntity("action_sheet_partners");
        builder.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ActionSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(b => b.ActionSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Indicators).WithOne(i => i.ActionSheet).HasForeignKey(i => i.ActionSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Comments).WithOne().HasForeignKey(c => c.ActionSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.ActionSheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ActionStepConfiguration : IEntityTypeConfiguration<ActionStep>
{
    public void Configure(EntityTypeBuilder<ActionStep> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Owner).HasMaxLength(200);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(b => b.Label).HasMaxLength(200);
        builder.Property(b => b.Amount).HasPrecision(12, 2);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Computation).HasMaxLength(1000);
        builder.Property(i => i.Baseline).HasPrecision(14, 2);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Measurements).WithOne().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.HasKey(t => new { t.IndicatorId, t.Year });
        builder.Property(t => t.Value).HasPrecision(14, 2);
    }
}

public sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.Property(m => m.Value).HasPrecision(14, 2);
        builder.Property(m => m.Numerator).HasPrecision(14, 2);
        builder.Property(m => m.Denominator).HasPrecision(14, 2);
        builder.Property(m => m.Comment).HasMaxLength(1000);
        builder.Property(m => m.EnteredByName).HasMaxLength(200);
        // One value per indicator and year: a new entry for the year replaces the old one, kept in the fiche's history.
        builder.HasIndex(m => new { m.IndicatorId, m.Year }).IsUnique();
    }
}

public sealed class ActionCommentConfiguration : IEntityTypeConfiguration<ActionComment>
{
    public void Configure(EntityTypeBuilder<ActionComment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ActionSheetId, c.At });
    }
}

public sealed class ActionChangeConfiguration : IEntityTypeConfiguration<ActionChange>
{
    public void Configure(EntityTypeBuilder<ActionChange> builder)
    {
        builder.Property(c => c.ByName).HasMaxLength(200);
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.HasIndex(c => new { c.ActionSheetId, c.At });
    }
}

public sealed class CompensationEntryConfiguration : IEntityTypeConfiguration<CompensationEntry>
{
    public void Configure(EntityTypeBuilder<CompensationEntry> builder)
    {
        builder.Property(e => e.Quantity).HasPrecision(6, 1);
        builder.Property(e => e.Rate).HasPrecision(10, 2);
        builder.Property(e => e.Amount).HasPrecision(10, 2);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.DecisionNote).HasMaxLength(500);
        builder.Property(e => e.DecidedByName).HasMaxLength(200);
        builder.Property(e => e.RecordedByName).HasMaxLength(200);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasOne(e => e.Professional).WithMany().HasForeignKey(e => e.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.ActionSheet).WithMany().HasForeignKey(e => e.ActionSheetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProfessionalId, e.Date });
        builder.HasIndex(e => new { e.Status, e.Date });
        // One entry per person and working-group meeting: confirming twice, or twice at once, declares the hours once.
        builder.HasIndex(e => new { e.ProfessionalId, e.MeetingId }).IsUnique().HasFilter("meeting_id IS NOT NULL");
        builder.HasOne(e => e.Meeting).WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}
