using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Idempotency;

internal sealed class ActivityResultConfiguration : IEntityTypeConfiguration<ActivityResult>
{
    public void Configure(EntityTypeBuilder<ActivityResult> builder)
    {
        builder.ToTable("ActivityResults");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.Topic).HasMaxLength(100);
    }
}
