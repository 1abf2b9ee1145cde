using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        // unique: two writers that raced for the same number cannot both commit, so the chain never forks
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        // rows written before this column existed were hashed with SHA-256
        builder.Property(e => e.Algorithm).HasMaxLength(16).HasDefaultValue(AuditHasher.Sha256);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(128);
    }
}
