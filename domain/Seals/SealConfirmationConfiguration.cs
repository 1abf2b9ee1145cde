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
        builder.HasOne<Documents.DocumentRecord>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
