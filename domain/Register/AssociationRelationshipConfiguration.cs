using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Register;

internal sealed class AssociationRelationshipConfiguration : IEntityTypeConfiguration<AssociationRelationship>
{
    public void Configure(EntityTypeBuilder<AssociationRelationship> builder)
    {
        builder.ToTable("AssociationRelationships");
        builder.HasIndex(r => r.AssociationId);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Agency).HasMaxLength(200);
        builder.Property(r => r.EndedBy).HasMaxLength(256);
    }
}
