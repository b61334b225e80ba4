using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class SpreadsheetImportConfiguration : IEntityTypeConfiguration<SpreadsheetImport>
{
    public void Configure(EntityTypeBuilder<SpreadsheetImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(300);
        builder.Property(i => i.FileHash).HasMaxLength(64);
        builder.Property(i => i.Setup).HasColumnType("jsonb");
        builder.Property(i => i.Corrections).HasColumnType("jsonb");
        builder.Property(i => i.CreatedByName).HasMaxLength(200);
        builder.Property(i => i.CommittedByName).HasMaxLength(200);
        builder.HasIndex(i => i.FileHash);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SpreadsheetImportLineConfiguration : IEntityTypeConfiguration<SpreadsheetImportLine>
{
    public void Configure(EntityTypeBuilder<SpreadsheetImportLine> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(250);
        builder.Property(l => l.Details).HasMaxLength(2000);
        builder.HasIndex(l => new { l.ImportId, l.RowNumber });
        builder.HasIndex(l => l.ProfessionalId);
        // The person's erasure deletes these lines first; a record deleted otherwise leaves the import's count intact.
        builder.HasOne<Professional>().WithMany().HasForeignKey(l => l.ProfessionalId).OnDelete(DeleteBehavior.SetNull);
    }
}
