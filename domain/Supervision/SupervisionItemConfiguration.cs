using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Supervision;

internal sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> builder)
    {
        builder.ToTable("SupervisionItems");
        builder.HasIndex(i => i.TaskId).IsUnique();
        builder.Property(i => i.BusinessKey).HasMaxLength(128);
        builder.Property(i => i.TaskName).HasMaxLength(400);
        builder.Property(i => i.Responsible).HasMaxLength(200);
        builder.Property(i => i.ClosingNote).HasMaxLength(1000);
    }
}
