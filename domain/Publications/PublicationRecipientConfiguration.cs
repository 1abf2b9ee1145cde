using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Publications;

internal sealed class PublicationRecipientConfiguration : IEntityTypeConfiguration<PublicationRecipient>
{
    public void Configure(EntityTypeBuilder<PublicationRecipient> builder)
    {
        builder.ToTable("PublicationRecipients");

        // one receipt per association and publication: read figures count associations, not readers
        builder.HasIndex(r => new { r.PublicationId, r.AssociationId }).IsUnique();
        builder.HasIndex(r => r.AssociationId);
        builder.HasIndex(r => r.SupervisoryUnitId);
        builder.HasOne<Publication>().WithMany().HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.FirstReaderUserName).HasMaxLength(256);
        builder.Property(r => r.FirstReaderName).HasMaxLength(256);
    }
}
