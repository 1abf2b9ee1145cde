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
        await service.MarkReadAsync(first.Id);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await db.Notifications.CountAsync());
        var forUser = await service.ForUserAsync("someone", department.Id);
        Assert.True(Assert.Single(forUser).IsRead);
        Assert.Empty(await service.ForUserAsync("someone", department.Id, unreadOnly: true));
    }
}
