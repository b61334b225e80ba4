using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(c => c.InseeCode);
        builder.Property(c => c.InseeCode).HasMaxLength(5);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name);
    }
}
