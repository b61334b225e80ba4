using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntry>
{
    public void Configure(EntityTypeBuilder<RegisterEntry> builder)
    {
        builder.Property(e => e.NationalId).HasMaxLength(20);
        builder.Property(e => e.ProfessionCode).HasMaxLength(10);
        builder.Property(e => e.SpecialtyCode).HasMaxLength(10);
        builder.Property(e => e.PracticeMode).HasMaxLength(5);
        builder.Property(e => e.Postcode).HasMaxLength(10);
        builder.Property(e => e.CommuneCode).HasMaxLength(5);
        builder.HasIndex(e => e.NationalId);
        builder.HasIndex(e => new { e.CommuneCode, e.Profession });
        builder.HasOne<RegisterImport>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegisterImportConfiguration : IEntityTypeConfiguration<RegisterImport>
{
    public void Configure(EntityTypeBuilder<RegisterImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(300);
        builder.Property(i => i.ByName).HasMaxLength(200);
    }
}
