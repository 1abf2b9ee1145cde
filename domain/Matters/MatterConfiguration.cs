using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Matters;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> builder)
    {
        builder.ToTable("Matters");
        builder.HasIndex(m => m.AssociationId);
        builder.HasIndex(m => m.State);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Decision).HasMaxLength(2000);
        builder.Property(m => m.Channel).HasMaxLength(16);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Register.Association>().WithMany().HasForeignKey(m => m.AssociationId).OnDelete(DeleteBehavior.Restrict);
    }
}
