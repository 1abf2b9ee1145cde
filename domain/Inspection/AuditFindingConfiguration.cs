using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Inspection;

internal sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> builder)
    {
        builder.ToTable("AuditFindings");
        builder.HasIndex(f => f.AssociationId);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.AssetFindings).HasMaxLength(4000);
        builder.Property(f => f.FundFindings).HasMaxLength(4000);
        builder.Property(f => f.Opinion).HasMaxLength(4000);
        builder.Property(f => f.RectificationReport).HasMaxLength(4000);
        builder.Property(f => f.RecordedBy).HasMaxLength(256);
    }
}
