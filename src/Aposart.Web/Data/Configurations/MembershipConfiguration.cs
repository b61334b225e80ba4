using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(m => m.FeeAmount).HasPrecision(10, 2);
        builder.Property(m => m.StatusReason).HasMaxLength(2000);
        builder.Property(m => m.CertificateNumber).HasMaxLength(20);
        builder.Property(m => m.Version).IsRowVersion();
        builder.Ignore(m => m.AmountPaid);
        // One membership per person and year: a double click or a second tab cannot create another.
        builder.HasIndex(m => new { m.ProfessionalId, m.Year }).IsUnique();
        builder.HasIndex(m => m.CertificateNumber).IsUnique();
        builder.HasIndex(m => new { m.Year, m.Status });
        builder.HasOne(m => m.Professional).WithMany(p => p.Memberships).HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.College).WithMany().HasForeignKey(m => m.CollegeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.StatutesVersion).WithMany().HasForeignKey(m => m.StatutesVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(p => p.Amount).HasPrecision(10, 2);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.PayerName).HasMaxLength(200);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(20);
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
    }
}

public sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> builder)
    {
        builder.HasKey(a => new { a.PaymentId, a.MembershipId });
        builder.Property(a => a.Amount).HasPrecision(10, 2);
        builder.HasOne(a => a.Payment).WithMany(p => p.Allocations).HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Membership).WithMany(m => m.Allocations).HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => new { e.MembershipId, e.At });
    }
}

public sealed class CollegeConfiguration : IEntityTypeConfiguration<College>
{
    public void Configure(EntityTypeBuilder<College> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(150);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

public sealed class StatutesVersionConfiguration : IEntityTypeConfiguration<StatutesVersion>
{
    public void Configure(EntityTypeBuilder<StatutesVersion> builder)
    {
        builder.Property(s => s.Label).HasMaxLength(200);
        builder.Property(s => s.UploadedByName).HasMaxLength(200);
        builder.HasIndex(s => new { s.Kind, s.Label }).IsUnique();
    }
}

public sealed class MembershipFeeConfiguration : IEntityTypeConfiguration<MembershipFee>
{
    public void Configure(EntityTypeBuilder<MembershipFee> builder)
    {
        builder.HasKey(f => new { f.Year, f.Category });
        builder.Property(f => f.Amount).HasPrecision(10, 2);
    }
}

public sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> builder)
    {
        builder.HasKey(c => new { c.Year, c.Kind });
        builder.Property(c => c.Kind).HasMaxLength(20);
    }
}

public sealed class MembershipReminderConfiguration : IEntityTypeConfiguration<MembershipReminder>
{
    public void Configure(EntityTypeBuilder<MembershipReminder> builder)
    {
        builder.HasKey(r => new { r.MembershipId, r.Kind });
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.HasOne<Membership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.Property(e => e.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(e => e.Reason).HasMaxLength(1000);
    }
}
