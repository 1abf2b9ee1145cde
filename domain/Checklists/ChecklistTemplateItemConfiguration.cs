using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Checklists;

internal sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> builder)
    {
        builder.ToTable("ChecklistTemplateItems");
        builder.HasIndex(i => new { i.TemplateId, i.Number }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.SuggestedMeasure).HasMaxLength(2000);
    }
}
