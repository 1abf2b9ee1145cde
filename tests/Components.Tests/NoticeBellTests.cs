using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Host.Components.Layout;
using Decoupling.Host.Components.Pages.Notifications;
using Decoupling.Host.Components.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Decoupling.Components.Tests;

/// <summary>
/// The top bar's bell and the 消息中心 on the real application layer, signed in as 区财政局's reviewer: the badge counts
/// his unread notices (his own and his department's); the dropdown lists them with 刚刚 and what they lead to, no ids;
/// opening one marks it read for him alone and goes to the task; 全部标为已读 empties the badge; the 消息中心 lists 未读
/// by default and 全部 on its tab.
/// </summary>
public sealed class NoticeBellTests
{
    private static readonly Guid Task = Guid.Parse("5d1e0f3a-7b9c-4e21-8a6d-2f4b9c7e1a05");

    private static async Task<(Guid Department, Guid Personal)> SendAsync(PlatformFixture platform)
    {
        await using var scope = platform.Context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var finance = await db.Departments.SingleAsync(d => d.Code == "czj");
        var notices = scope.ServiceProvider.GetRequiredService<NotificationService>();
        var department = await notices.SendAsync("bell:dept", "新待办：区财政局审核", "请于 2026-12-08 17:00 前办理。", recipientDepartmentId: finance.Id, link: $"/tasks/{Task}");
        var personal = await notices.SendAsync("bell:czj", "催办：区财政局审核", "领导小组办公室催办此事项，请尽快办理。", recipientUserId: "czj", link: "/dashboard");
        await notices.SendAsync("bell:jxj", "新待办：主管单位初审", "请及时办理。", recipientUserId: "jxj", link: $"/tasks/{Guid.NewGuid()}");
        return (department.Id, personal.Id);
    }

    [Fact]
    public async Task The_bell_counts_my_unread_notices_and_opening_one_reads_it_for_me_alone_and_goes_to_its_task()
    {
        await using var platform = await PlatformFixture.CreateAsync("czj");
        var (department, _) = await SendAsync(platform);
        var popovers = platform.Context.Render<MudPopoverProvider>();

        var bell = platform.Context.Render<NoticeBell>();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));
        bell.Find("#notice-bell").Click();
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll(".notice-item").Count));
        var items = popovers.FindAll(".notice-item");
        Assert.All(items, i => Assert.Contains("notice-unread", i.ClassName, StringComparison.Ordinal));
        Assert.Contains("催办：区财政局审核", items[0].TextContent, StringComparison.Ordinal);
        var task = items.Single(i => i.TextContent.Contains("新待办：区财政局审核", StringComparison.Ordinal));
        Assert.Contains("刚刚", task.TextContent, StringComparison.Ordinal);
        Assert.Contains("发给区财政局", task.TextContent, StringComparison.Ordinal);
        Assert.Contains("待办事项", task.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/tasks/{Task}", task.GetAttribute("href"));
        Assert.DoesNotContain("新待办：主管单位初审", popovers.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Task.ToString(), popovers.Find(".notice-popover-list").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2 条未读", popovers.Find("#notice-unread-caption").TextContent, StringComparison.Ordinal);

        task.Click();

        var navigation = platform.Context.Services.GetRequiredService<NavigationManager>();
        bell.WaitForAssertion(() => Assert.EndsWith($"/tasks/{Task}", navigation.Uri, StringComparison.Ordinal));
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()));
        await using (var scope = platform.Context.Services.CreateAsyncScope())
        {
            var reads = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().NotificationReads.AsNoTracking().ToListAsync();
            var read = Assert.Single(reads);
            Assert.Equal((department, "czj"), (read.NotificationId, read.UserName));
        }

        // 全部标为已读: the badge goes, the list shows them read
        bell.Find("#notice-bell").Click();
        popovers.WaitForAssertion(() => Assert.False(popovers.Find("#notice-read-all").HasAttribute("disabled")));
        popovers.Find("#notice-read-all").Click();
        bell.WaitForAssertion(() => Assert.DoesNotContain(bell.FindAll(".mud-badge"), b => b.TextContent.Trim().Length > 0));
        popovers.WaitForAssertion(() => Assert.All(popovers.FindAll(".notice-item"), i => Assert.DoesNotContain("notice-unread", i.ClassName, StringComparison.Ordinal)));
        Assert.Contains("没有未读消息", popovers.Find("#notice-unread-caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_centre_lists_unread_by_default_and_everything_on_its_other_tab()
    {
        await using var platform = await PlatformFixture.CreateAsync("czj");
        var (department, _) = await SendAsync(platform);
        var actor = (await platform.Context.Services.GetRequiredService<Decoupling.Application.People.ActorResolver>().ByUserNameAsync("czj"))!;
        await platform.Context.Services.GetRequiredService<Decoupling.Application.Notifications.NoticeInbox>().MarkReadAsync(actor, department);
        platform.Context.Render<MudPopoverProvider>();

        var page = platform.Context.Render<NoticeCenter>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#notices-table tbody tr.notice-row")));
        var row = page.Find("#notices-table tbody tr.notice-row");
        Assert.Contains("催办：区财政局审核", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("本人", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("领导小组看板", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("未读", row.TextContent, StringComparison.Ordinal);

        page.FindAll("#notices-filter .mud-tab").Single(t => t.TextContent.Contains("全部", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#notices-table tbody tr.notice-row").Count));
        var read = page.FindAll("#notices-table tbody tr.notice-row").Single(r => r.TextContent.Contains("新待办", StringComparison.Ordinal));
        Assert.Contains("已读", read.TextContent, StringComparison.Ordinal);
        Assert.Contains("区财政局（部门）", read.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("新待办：主管单位初审", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, "刚刚")]
    [InlineData(5 * 60 + 10, "5分钟前")]
    [InlineData(3 * 3600 + 5, "3小时前")]
    [InlineData(40 * 3600, "11月29日 00:00")]
    [InlineData(400 * 86400, "2025-10-26 16:00")]
    public void A_notices_age_reads_as_people_say_it(int secondsAgo, string expected)
    {
        // 2026-11-30 16:00 in Luozhuang
        var now = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, NoticeAge.Describe(now.AddSeconds(-secondsAgo), now));
    }
}
