using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Publications;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.ToTable("Publications");
        builder.HasIndex(p => p.PublishedAt);
        builder.HasIndex(p => p.CorrectsId);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Body).HasMaxLength(20000);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.PublisherName).HasMaxLength(256);
    }
}
