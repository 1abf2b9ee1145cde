using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Risks;

internal sealed class CaseRiskConfiguration : IEntityTypeConfiguration<CaseRisk>
{
    public void Configure(EntityTypeBuilder<CaseRisk> builder)
    {
        builder.ToTable("CaseRisks");
        builder.HasIndex(r => r.AssociationId);
        builder.Property(r => r.Risk).HasMaxLength(1000);
        builder.Property(r => r.Response).HasMaxLength(2000);
        builder.Property(r => r.Level).HasMaxLength(16);
        builder.Property(r => r.ClosingNote).HasMaxLength(2000);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
    }
}
