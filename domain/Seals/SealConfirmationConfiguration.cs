using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Seals;

internal sealed class SealConfirmationConfiguration : IEntityTypeConfiguration<SealConfirmation>
{
    public void Configure(EntityTypeBuilder<SealConfirmation> builder)
    {
        builder.ToTable("SealConfirmations");
        builder.HasIndex(s => s.DocumentId);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.Property(s => s.UnitName).HasMaxLength(200);
        builder.Property(s => s.UserDisplayName).HasMaxLength(100);
        builder.Property(s => s.Algorithm).HasMaxLength(16);
        builder.Property(s => s.Sm3).HasMaxLength(64);
        builder.Property(s => s.SignedContent).HasMaxLength(2000);
        builder.Property(s => s.Signature).HasMaxLength(200);
        builder.Property(s => s.KeyId).HasMaxLength(16);
        builder.Property(s => s.PublicKey).HasMaxLength(130);
        builder.HasOne<Documents.DocumentRecord>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
