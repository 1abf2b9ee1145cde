using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Register;

internal sealed class AssociationChangeConfiguration : IEntityTypeConfiguration<AssociationChange>
{
    public void Configure(EntityTypeBuilder<AssociationChange> builder)
    {
        builder.ToTable("AssociationChanges");
        builder.HasIndex(c => new { c.AssociationId, c.ChangedAt });
        builder.Property(c => c.Field).HasMaxLength(64);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasOne<Association>().WithMany().HasForeignKey(c => c.AssociationId).OnDelete(DeleteBehavior.Cascade);
    }
}
