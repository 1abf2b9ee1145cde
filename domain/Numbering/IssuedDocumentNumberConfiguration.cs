using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Numbering;

internal sealed class IssuedDocumentNumberConfiguration : IEntityTypeConfiguration<IssuedDocumentNumber>
{
    public void Configure(EntityTypeBuilder<IssuedDocumentNumber> builder)
    {
        builder.ToTable("IssuedDocumentNumbers");
        builder.HasIndex(n => new { n.DepartmentCode, n.Year, n.Sequence }).IsUnique();
        builder.HasIndex(n => n.IdempotencyKey).IsUnique();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.Property(n => n.DepartmentCode).HasMaxLength(32);
        builder.Property(n => n.Number).HasMaxLength(64);
        builder.Property(n => n.IdempotencyKey).HasMaxLength(200);
        builder.Property(n => n.Subject).HasMaxLength(500);
    }
}
