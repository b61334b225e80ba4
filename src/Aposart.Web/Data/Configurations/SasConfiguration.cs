using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class SasKeyConfiguration : IEntityTypeConfiguration<SasKey>
{
    public void Configure(EntityTypeBuilder<SasKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Hint).HasMaxLength(4);
        builder.Property(k => k.CreatedByName).HasMaxLength(200);
        builder.Property(k => k.RevokedByName).HasMaxLength(200);
        builder.HasIndex(k => k.Hash).IsUnique();
    }
}

public sealed class SasRequestConfiguration : IEntityTypeConfiguration<SasRequest>
{
    public void Configure(EntityTypeBuilder<SasRequest> builder)
    {
        builder.Property(r => r.Query).HasMaxLength(2000);
        builder.Property(r => r.ClientAddress).HasMaxLength(64);
        builder.HasIndex(r => r.At);
        builder.HasOne(r => r.SasKey).WithMany().HasForeignKey(r => r.SasKeyId).OnDelete(DeleteBehavior.SetNull);
    }
}
