using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Numbering;

internal sealed class DocumentNumberCounterConfiguration : IEntityTypeConfiguration<DocumentNumberCounter>
{
    public void Configure(EntityTypeBuilder<DocumentNumberCounter> builder)
    {
        builder.ToTable("DocumentNumberCounters");
        builder.HasKey(c => new { c.DepartmentCode, c.Year });
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
    }
}
