using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Checklists;

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.ToTable("ChecklistItems");
        builder.HasIndex(i => new { i.ChecklistId, i.Number }).IsUnique();
        builder.Property(i => i.ItemCode).HasMaxLength(32);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.SituationBefore).HasMaxLength(2000);
        builder.Property(i => i.SeparationMeasure).HasMaxLength(2000);
        builder.Property(i => i.ResponsibleUnit).HasMaxLength(200);
        builder.Property(i => i.ResponsiblePerson).HasMaxLength(100);
        builder.Property(i => i.ReviewOpinion).HasMaxLength(2000);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
    }
}
