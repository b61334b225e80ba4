using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Aposart.Web.Data.Configurations;

public sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> builder)
    {
        builder.Property(p => p.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Specialty).HasMaxLength(100);
        builder.Property(p => p.Rpps).HasMaxLength(11);
        builder.Property(p => p.Adeli).HasMaxLength(9);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.SecureMailAddress).HasMaxLength(254);
        builder.Property(p => p.WebsiteUrl).HasMaxLength(500);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.DisplayName);
        // Uniqueness that the forms explain before the database has to refuse.
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => p.Rpps).IsUnique();
        builder.HasIndex(p => p.Adeli).IsUnique();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => new { p.Profession, p.LastName });
        builder.HasOne<AppUser>().WithOne().HasForeignKey<Professional>(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.PracticeSites).WithOne().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Organisations).WithMany(o => o.Professionals).UsingEntity("professional_organisations");
    }
}

public sealed class PracticeSiteConfiguration : IEntityTypeConfiguration<PracticeSite>
{
    public void Configure(EntityTypeBuilder<PracticeSite> builder)
    {
        builder.Property(s => s.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(s => s.Name).HasMaxLength(150);
        builder.Property(s => s.AddressLine).HasMaxLength(200);
        builder.Property(s => s.Postcode).HasMaxLength(5);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneInsee).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.CommuneInsee);
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Finess).HasMaxLength(9);
        builder.Property(o => o.AddressLine).HasMaxLength(200);
        builder.Property(o => o.Postcode).HasMaxLength(5);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.WebsiteUrl).HasMaxLength(500);
        builder.HasIndex(o => o.Finess).IsUnique();
        builder.HasOne(o => o.Commune).WithMany().HasForeignKey(o => o.CommuneInsee).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SnpSlotConfiguration : IEntityTypeConfiguration<SnpSlot>
{
    public void Configure(EntityTypeBuilder<SnpSlot> builder)
    {
        builder.Property(s => s.GivenReference).HasMaxLength(40);
        builder.Property(s => s.GivenByName).HasMaxLength(200);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne(s => s.Professional).WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Place).HasMaxLength(400);
        builder.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneInsee).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.HasIndex(s => new { s.ProfessionalId, s.StartsAt });
    }
}
