using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Register;

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> builder)
    {
        builder.ToTable("Associations");
        builder.HasIndex(a => a.CreditCode).IsUnique();
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => a.SupervisoryUnitId);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.LegalRepresentative).HasMaxLength(50);
        builder.Property(a => a.BusinessScope).HasMaxLength(2000);
        builder.Property(a => a.PartyOrganisation).HasMaxLength(100);
        builder.Property(a => a.Industry).HasMaxLength(50);
        builder.Property(a => a.OutcomeReason).HasMaxLength(500);
        builder.Property(a => a.CertificateNumber).HasMaxLength(50);
        builder.Property(a => a.ExemptReason).HasMaxLength(500);
        builder.Ignore(a => a.InScope);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Departments.Department>().WithMany().HasForeignKey(a => a.SupervisoryUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
