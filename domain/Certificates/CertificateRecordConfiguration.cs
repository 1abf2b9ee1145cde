using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Certificates;

internal sealed class CertificateRecordConfiguration : IEntityTypeConfiguration<CertificateRecord>
{
    public void Configure(EntityTypeBuilder<CertificateRecord> builder)
    {
        builder.ToTable("Certificates");
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.AssociationId);
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.Property(c => c.CreditCode).HasMaxLength(18);
        builder.Property(c => c.VoidReason).HasMaxLength(200);
        builder.HasOne<Register.Association>().WithMany().HasForeignKey(c => c.AssociationId).OnDelete(DeleteBehavior.Restrict);
    }
}
