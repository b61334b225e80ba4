using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class VaccinationCentreConfiguration : IEntityTypeConfiguration<VaccinationCentre>
{
    public void Configure(EntityTypeBuilder<VaccinationCentre> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.BookingUrl).HasMaxLength(500);
        builder.Property(c => c.BookingPhone).HasMaxLength(30);
        builder.Property(c => c.WhoMayCome).HasMaxLength(2000);
        builder.Property(c => c.DocumentsToBring).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne(c => c.Commune).WithMany().HasForeignKey(c => c.CommuneInsee).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Openings).WithOne().HasForeignKey(o => o.CentreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Closures).WithOne().HasForeignKey(o => o.CentreId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CentreClosureConfiguration : IEntityTypeConfiguration<CentreClosure>
{
    public void Configure(EntityTypeBuilder<CentreClosure> builder) => builder.Property(c => c.Reason).HasMaxLength(200);
}

public sealed class CrisisAlertConfiguration : IEntityTypeConfiguration<CrisisAlert>
{
    public void Configure(EntityTypeBuilder<CrisisAlert> builder)
    {
        builder.Property(c => c.Message).HasMaxLength(300);
        builder.Property(c => c.LinkUrl).HasMaxLength(500);
        builder.Property(c => c.LinkLabel).HasMaxLength(100);
        builder.Property(c => c.StartedByName).HasMaxLength(200);
        builder.HasIndex(c => c.EndedAt);
    }
}

public sealed class CentreShiftConfiguration : IEntityTypeConfiguration<CentreShift>
{
    public void Configure(EntityTypeBuilder<CentreShift> builder)
    {
        builder.HasOne(s => s.Centre).WithMany().HasForeignKey(s => s.CentreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Signups).WithOne(s => s.Shift).HasForeignKey(s => s.ShiftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CentreId, s.Date });
    }
}

public sealed class ShiftSignupConfiguration : IEntityTypeConfiguration<ShiftSignup>
{
    public void Configure(EntityTypeBuilder<ShiftSignup> builder)
    {
        builder.HasOne(s => s.Professional).WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        // One active sign-up per person and shift; cancelled ones stay for the record.
        builder.HasIndex(s => new { s.ShiftId, s.ProfessionalId }).IsUnique().HasFilter("cancelled_at IS NULL");
    }
}

public sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(5000);
        builder.HasIndex(c => c.ReceivedAt);
    }
}

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(500);
        builder.Property(a => a.Body).HasMaxLength(20000);
        builder.Property(a => a.ImageType).HasMaxLength(50);
        builder.Property(a => a.ImageAlt).HasMaxLength(300);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.Published, a.PublishedOn });
    }
}

public sealed class DocumentCategoryConfiguration : IEntityTypeConfiguration<DocumentCategory>
{
    public void Configure(EntityTypeBuilder<DocumentCategory> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

public sealed class MemberDocumentConfiguration : IEntityTypeConfiguration<MemberDocument>
{
    public void Configure(EntityTypeBuilder<MemberDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.HasOne(d => d.Category).WithMany().HasForeignKey(d => d.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.Property(v => v.FileName).HasMaxLength(200);
        builder.Property(v => v.ContentType).HasMaxLength(100);
        builder.Property(v => v.UploadedByName).HasMaxLength(200);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
    }
}
