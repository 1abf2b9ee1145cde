using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Notifications;

/// <summary>Sends in-app notices once per dedup key, lists them for a user and marks them read.</summary>
public sealed class NotificationService(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Sends a notice unless one with <paramref name="dedupKey"/> exists; returns the stored notice either way.</summary>
    public async Task<Notification> SendAsync(
        string dedupKey, string title, string body, string? recipientUserId = null, Guid? recipientDepartmentId = null,
        string? link = null, CancellationToken cancellationToken = default)
    {
        if (recipientUserId is null && recipientDepartmentId is null)
        {
            throw new DomainException(DomainErrorCodes.NotificationRecipientRequired);
        }

        var existing = await db.Notifications.FirstOrDefaultAsync(n => n.DedupKey == dedupKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var notification = new Notification
        {
            DedupKey = dedupKey,
            Title = title,
            Body = body,
            RecipientUserId = recipientUserId,
            RecipientDepartmentId = recipientDepartmentId,
            Link = link,
            CreatedAt = Clock.Now(time),
        };
        db.Notifications.Add(notification);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // another sender won the race on the unique dedup key: theirs is the notice
            db.Entry(notification).State = EntityState.Detached;
            return await db.Notifications.FirstAsync(n => n.DedupKey == dedupKey, cancellationToken);
        }

        return notification;
    }

    /// <summary>Notices addressed to the user or to the user's department, newest first.</summary>
    public Task<List<Notification>> ForUserAsync(string userId, Guid? departmentId, bool unreadOnly = false,
        CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId || (departmentId != null && n.RecipientDepartmentId == departmentId))
            .Where(n => !unreadOnly || !n.IsRead)
            .OrderByDescending(n => n.CreatedAt)
            .ToListAsync(cancellationToken);

    public async Task MarkReadAsync(Guid notificationId, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "通知", notificationId);
        if (!notification.IsRead)
        {
            notification.IsRead = true;
            notification.ReadAt = Clock.Now(time);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
