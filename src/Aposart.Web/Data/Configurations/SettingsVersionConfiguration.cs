using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class SettingsVersionConfiguration : IEntityTypeConfiguration<SettingsVersion>
{
    public void Configure(EntityTypeBuilder<SettingsVersion> builder)
    {
        builder.Property(s => s.Section).HasMaxLength(50);
        builder.Property(s => s.Value).HasColumnType("jsonb");
        builder.Property(s => s.ChangedByName).HasMaxLength(200);
        builder.HasIndex(s => new { s.Section, s.Id });
    }
}
