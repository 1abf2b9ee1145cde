using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Common;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Notifications;

/// <summary>
/// Someone's in-app notices, for the API, the top bar's bell and the 消息中心 alike: those sent to them by name and those
/// sent to their department. Each person reads a department's notice for themselves (decision record 0014). A notice
/// that is not theirs is answered as not found, so its existence is not disclosed.
/// </summary>
public sealed class NoticeInbox(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int MaxTake = 100;

    public async Task<NoticeList> ListAsync(CaseActor actor, bool unreadOnly = false, int skip = 0, int take = 20, CancellationToken cancellationToken = default)
    {
        if (skip < 0)
        {
            throw new AppException(AppErrors.NoticePagingInvalid, "起始位置", 0, int.MaxValue, skip) { Field = "skip" };
        }

        if (take is < 1 or > MaxTake)
        {
            throw new AppException(AppErrors.NoticePagingInvalid, "每页条数", 1, MaxTake, take) { Field = "take" };
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var user = actor.UserName;
        var unread = Unread(db, actor);
        var filtered = unreadOnly ? unread : Mine(db, actor);
        var notices = await filtered.AsNoTracking().OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        var ids = notices.Select(n => n.Id).ToList();
        var reads = await db.NotificationReads.AsNoTracking().Where(r => r.UserName == user && ids.Contains(r.NotificationId))
            .ToDictionaryAsync(r => r.NotificationId, r => r.ReadAt, cancellationToken);
        var department = actor.Department is { } d ? d.ShortName ?? d.Name : null;
        var items = notices.Select(n => new NoticeItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, reads.ContainsKey(n.Id),
            reads.TryGetValue(n.Id, out var at) ? at : null, n.RecipientDepartmentId is null ? null : department)).ToList();
        var unreadCount = await unread.CountAsync(cancellationToken);
        var total = unreadOnly ? unreadCount : await filtered.CountAsync(cancellationToken);
        return new NoticeList(items, total, unreadCount);
    }

    /// <summary>The bell's figure: one indexed count, cheap enough to ask on every navigation.</summary>
    public async Task<int> UnreadCountAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        return await Unread(scope.Db, actor).CountAsync(cancellationToken);
    }

    /// <summary>Marks one of my notices read by me; reading it again changes nothing. Someone else's: not found, nothing written.</summary>
    public async Task MarkReadAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        if (!await Mine(db, actor).AnyAsync(n => n.Id == id, cancellationToken))
        {
            throw new AppException(AppErrors.NoticeNotFound, id);
        }

        if (await db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserName == actor.UserName, cancellationToken))
        {
            return;
        }

        db.NotificationReads.Add(new NotificationRead { NotificationId = id, UserName = actor.UserName, ReadAt = Clock.Now(time) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // another tab of the same person read it at the same moment: it is read, which is all that was asked
            if (!await ReadAsync(scopes, actor.UserName, id, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>全部标为已读: every notice of mine unread by me becomes read by me (my colleagues' stay as they were).</summary>
    public async Task<int> MarkAllReadAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = UseCaseScope.Open(scopes, actor.UserName);
            var db = scope.Db;
            var ids = await Unread(db, actor).Select(n => n.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return 0;
            }

            var now = Clock.Now(time);
            db.NotificationReads.AddRange(ids.Select(id => new NotificationRead { NotificationId = id, UserName = actor.UserName, ReadAt = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ids.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // one of them was read in another tab meanwhile: the batch rolled back whole, so take the unread again
            }
        }
    }

    /// <summary>Notices to the person by name or to their department.</summary>
    public static IQueryable<Notification> Mine(PlatformDbContext db, CaseActor actor)
    {
        var user = actor.UserName;
        var department = actor.Account.DepartmentId;
        return department is { } d
            ? db.Notifications.Where(n => n.RecipientUserId == user || n.RecipientDepartmentId == d)
            : db.Notifications.Where(n => n.RecipientUserId == user);
    }

    /// <summary>My notices that I have not read.</summary>
    public static IQueryable<Notification> Unread(PlatformDbContext db, CaseActor actor)
    {
        var user = actor.UserName;
        return Mine(db, actor).Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == user));
    }

    private static async Task<bool> ReadAsync(IServiceScopeFactory scopes, string user, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = UseCaseScope.Open(scopes, user);
        return await scope.Db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserName == user, cancellationToken);
    }
}
