using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(50000);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.SendingProblem).HasMaxLength(1000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new { c.Status, c.ScheduledAt });
        builder.HasMany(c => c.Approvals).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignAttachmentConfiguration : IEntityTypeConfiguration<CampaignAttachment>
{
    public void Configure(EntityTypeBuilder<CampaignAttachment> builder) => builder.Property(a => a.FileName).HasMaxLength(150);
}

public sealed class CampaignApprovalConfiguration : IEntityTypeConfiguration<CampaignApproval>
{
    public void Configure(EntityTypeBuilder<CampaignApproval> builder)
    {
        // One approval per bureau member and campaign.
        builder.HasKey(a => new { a.CampaignId, a.UserId });
        builder.Property(a => a.Name).HasMaxLength(200);
    }
}

public sealed class CampaignEventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> builder)
    {
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(500);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LeasedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        // A campaign reaches an address once, whatever the audience's overlaps.
        builder.HasIndex(m => new { m.CampaignId, m.ToAddress }).IsUnique().HasFilter("campaign_id IS NOT NULL");
        // What the workers look for: due rows, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt, m.Id });
        // Notices go before campaign rows: finding the pending ones must not scan a campaign's thousands of rows.
        builder.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending_notices").HasFilter("campaign_id IS NULL AND status = 0");
        builder.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MailSubscriberConfiguration : IEntityTypeConfiguration<MailSubscriber>
{
    public void Configure(EntityTypeBuilder<MailSubscriber> builder)
    {
        builder.HasKey(s => s.Address);
        builder.Property(s => s.Address).HasMaxLength(320);
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.Property(s => s.BounceReason).HasMaxLength(500);
    }
}
