using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Sampling;

internal sealed class AuditSampleEntryConfiguration : IEntityTypeConfiguration<AuditSampleEntry>
{
    public void Configure(EntityTypeBuilder<AuditSampleEntry> builder)
    {
        builder.ToTable("AuditSamples");
        builder.HasIndex(s => s.AssociationId).IsUnique();
        builder.HasIndex(s => s.Round);
        builder.Property(s => s.Round).HasMaxLength(200);
    }
}
