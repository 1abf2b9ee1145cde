using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Documents;

internal sealed class DocumentRecordConfiguration : IEntityTypeConfiguration<DocumentRecord>
{
    public void Configure(EntityTypeBuilder<DocumentRecord> builder)
    {
        builder.ToTable("Documents");
        builder.HasIndex(d => d.OwnerAssociationId);
        builder.HasIndex(d => d.PreviousVersionId);
        builder.HasIndex(d => d.Sha256);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Sm3).HasMaxLength(64);
        builder.Property(d => d.StorageKey).HasMaxLength(128);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
    }
}
