using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasIndex(n => n.DedupKey).IsUnique();
        // a person's list is the newest of theirs and of their department's: one range per recipient kind
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientDepartmentId, n.CreatedAt });
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Link).HasMaxLength(500);
    }
}
