using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class AccountAuditConfiguration : IEntityTypeConfiguration<AccountAudit>
{
    public void Configure(EntityTypeBuilder<AccountAudit> builder)
    {
        builder.Property(a => a.ByName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Before).HasMaxLength(500);
        builder.Property(a => a.After).HasMaxLength(500);
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.FirstName).HasMaxLength(100);
        builder.Property(i => i.LastName).HasMaxLength(100);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByName).HasMaxLength(200);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.HasIndex(i => i.SpreadsheetImportId);
        builder.HasOne<Professional>().WithMany().HasForeignKey(i => i.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}
