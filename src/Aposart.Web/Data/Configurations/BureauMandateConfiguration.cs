using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class BureauMandateConfiguration : IEntityTypeConfiguration<BureauMandate>
{
    public void Configure(EntityTypeBuilder<BureauMandate> builder)
    {
        builder.Property(m => m.CreatedByName).HasMaxLength(200);
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.EndsOn).HasFilter("closed_at IS NULL");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
