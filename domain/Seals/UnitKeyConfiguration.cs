using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Seals;

internal sealed class UnitKeyConfiguration : IEntityTypeConfiguration<UnitKey>
{
    public void Configure(EntityTypeBuilder<UnitKey> builder)
    {
        builder.ToTable("UnitKeys");
        // one key per unit: two requests creating a unit's first key at once cannot both win
        builder.HasIndex(k => k.DepartmentId).IsUnique();
        builder.HasIndex(k => k.AssociationId).IsUnique();
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.UnitName).HasMaxLength(200);
        builder.Property(k => k.PublicKey).HasMaxLength(130);
        builder.Property(k => k.KeyId).HasMaxLength(16);
        builder.Property(k => k.EncryptedPrivateKey).HasMaxLength(200);
    }
}
