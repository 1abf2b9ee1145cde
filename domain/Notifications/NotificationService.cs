using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Notifications;

/// <summary>Sends in-app notices once per dedup key. Who reads them, and what they have read, is the application's NoticeInbox.</summary>
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

    /// <summary>
    /// An association has no department: each of its staff gets the notice, deduplicated per person
    /// (<paramref name="dedupKey"/>:user name). Returns the notices sent, none when the association has no staff account.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> SendToAssociationAsync(
        string dedupKey, string title, string body, Guid associationId, string? link = null, CancellationToken cancellationToken = default)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.AssociationId == associationId).OrderBy(u => u.UserName)
            .Select(u => u.UserName!).ToListAsync(cancellationToken);
        var sent = new List<Notification>();
        foreach (var name in staff)
        {
            sent.Add(await SendAsync($"{dedupKey}:{name}", title, body, name, null, link, cancellationToken));
        }

        return sent;
    }
}
