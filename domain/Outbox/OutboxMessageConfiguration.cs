using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasIndex(m => m.Key).IsUnique();
        // what a dispatcher looks for: undelivered, due
        builder.HasIndex(m => new { m.DeliveredAt, m.AvailableAt });
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
    }
}
