using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.IsRead });
        builder.HasIndex(n => n.RecipientDepartmentId);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Link).HasMaxLength(500);
    }
}
