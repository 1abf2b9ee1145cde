using Decoupling.Domain.Notifications;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public class NotificationTests
{
    [Fact]
    public async Task The_same_notice_is_sent_once()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var department = await db.Departments.SingleAsync(d => d.Code == "bb");
        var service = new NotificationService(db, TimeProvider.System);

        var first = await service.SendAsync("task:42:assigned", "新的审核任务", "请审核 ORG-04", recipientDepartmentId: department.Id);
        var second = await service.SendAsync("task:42:assigned", "新的审核任务", "请审核 ORG-04", recipientDepartmentId: department.Id);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task A_reader_reads_a_notice_once_and_a_colleague_has_a_read_of_her_own()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var department = await db.Departments.SingleAsync(d => d.Code == "bb");
        var notice = await new NotificationService(db, TimeProvider.System).SendAsync("task:43", "新待办：编办审核", "请及时办理。", recipientDepartmentId: department.Id);

        db.NotificationReads.Add(new NotificationRead { NotificationId = notice.Id, UserName = "bb", ReadAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        // the same reader again (another tab): the key refuses a second row
        db.NotificationReads.Add(new NotificationRead { NotificationId = notice.Id, UserName = "bb", ReadAt = DateTimeOffset.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.NotificationReads.Add(new NotificationRead { NotificationId = notice.Id, UserName = "bb.two", ReadAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        Assert.Equal(["bb", "bb.two"], await db.NotificationReads.Where(r => r.NotificationId == notice.Id).OrderBy(r => r.UserName).Select(r => r.UserName).ToListAsync());
    }
}
