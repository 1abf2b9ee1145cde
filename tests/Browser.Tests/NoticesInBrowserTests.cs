using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The notices people see, by clicking: the office publishes a 通知公告 to the district with a Word attachment from the
/// publications page; the association's staff see the bell's figure rise, open the notice from the bell, read the
/// publication and download the attachment; the office then sees 已读 / 应读 change and who has not read yet. A unit's
/// clerk opens a new-task notice from the bell and lands on the task. Screenshots at 1366×768 of the bell open, the
/// 消息中心 and the publication pages are kept under screenshots/.
/// </summary>
public sealed class NoticesInBrowserTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string Title = "关于报送脱钩工作进展情况的通知";
    private readonly Clerks clerks = new(platform);

    private static ILocator Badge(IPage page) => page.Locator(".notice-bell .mud-badge");

    private static async Task<int> UnreadAsync(IPage page) =>
        await Badge(page).CountAsync() == 0 || (await Badge(page).TextContentAsync())?.Trim() is not { Length: > 0 } text ? 0 : int.Parse(text.TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens the bell until the notice titled so is there (the outbox delivers a step's notices just after it commits).</summary>
    private static async Task<ILocator> NoticeInBellAsync(IPage page, string title)
    {
        var item = page.Locator("#notice-popover .notice-item", new() { HasText = title }).First;
        for (var attempt = 0; ; attempt++)
        {
            await page.Locator("#notice-bell").ClickAsync();
            await page.Locator("#notice-popover .notice-popover-list").WaitForAsync();
            if (await item.CountAsync() > 0 || attempt == 30)
            {
                return item;
            }

            await page.WaitForTimeoutAsync(1000);
            await page.ReloadAsync();
        }
    }

    [Fact]
    public async Task The_office_publishes_the_association_reads_it_from_the_bell_and_the_office_sees_who_has_read()
    {
        var staff = await clerks.AsAsync("assoc.ceramics");
        await staff.Locator("#notice-bell").WaitForAsync();
        var before = await UnreadAsync(staff);

        // the office publishes to the whole district with a Word attachment, by clicking
        var office = await clerks.AsAsync("leading");
        await office.GotoAsync("/publications");
        await office.Locator("#publication-new").ClickAsync();
        await office.Locator("#publish-title").FillAsync(Title);
        await office.Locator("#publish-body").FillAsync("请各协会商会于 12 月 10 日前报送脱钩工作进展情况，附件为报送表。");
        await office.Locator("#publish-body").PressAsync("Tab");
        await office.Locator("#publish-files").SetInputFilesAsync(new FilePayload
        {
            Name = "脱钩进展报送表.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = Docx.Minimal("脱钩进展报送表：协会名称、完成事项、存在问题"),
        });
        await Assertions.Expect(office.Locator(".publish-file")).ToContainTextAsync("脱钩进展报送表.docx");
        await BrowserSession.ScreenshotAsync(office, "60-publish-dialog");
        await office.Locator("#publish-submit").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar")).ToContainTextAsync($"已发布《{Title}》");
        var row = office.Locator("#publication-list tbody tr", new() { HasText = Title });
        await Assertions.Expect(row.Locator(".publication-read")).ToContainTextAsync("已读 0 / 应读");

        // the association's bell rises as soon as its staff move to another page
        await staff.Locator("#notice-bell").WaitForAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "我的待办" }).ClickAsync();
        await Assertions.Expect(Badge(staff)).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // from the bell to the publication, which reads it; the attachment downloads
        var notice = await NoticeInBellAsync(staff, Title);
        await Assertions.Expect(notice).ToContainTextAsync("刚刚");
        await Assertions.Expect(notice).ToContainTextAsync("通知公告");
        await staff.WaitForTimeoutAsync(400); // the dropdown fades in
        await BrowserSession.ScreenshotAsync(staff, "61-bell-open");
        await notice.ClickAsync();
        await staff.WaitForURLAsync(new Regex("/publications/[0-9a-f-]{36}$"));
        await Assertions.Expect(staff.Locator("#publication-title")).ToHaveTextAsync(Title);
        await Assertions.Expect(Badge(staff)).ToHaveCountAsync(before == 0 ? 0 : 1);
        await BrowserSession.ScreenshotAsync(staff, "62-publication-read");
        var download = await staff.RunAndWaitForDownloadAsync(() => staff.Locator(".publication-attachment", new() { HasText = "脱钩进展报送表.docx" }).ClickAsync());
        Assert.Equal("脱钩进展报送表.docx", download.SuggestedFilename);
        Assert.Contains("脱钩进展报送表：协会名称", Docx.Text(await File.ReadAllBytesAsync(await download.PathAsync())), StringComparison.Ordinal);

        // the 消息中心 keeps it, read
        await staff.GetByRole(AriaRole.Link, new() { Name = "消息中心" }).ClickAsync();
        await staff.Locator("#notices-filter .mud-tab", new() { HasText = "全部" }).ClickAsync();
        var kept = staff.Locator("#notices-table tbody tr", new() { HasText = Title });
        await Assertions.Expect(kept.Locator(".notice-state")).ToHaveTextAsync("已读");
        await staff.WaitForTimeoutAsync(500); // the tab's underline slides over
        await BrowserSession.ScreenshotAsync(staff, "63-notice-centre");

        // the office sees the association among the readers, the rest still unread and listed first
        await office.ReloadAsync();
        await Assertions.Expect(row.Locator(".publication-read")).ToContainTextAsync("已读 1 / 应读");
        await row.Locator(".publication-follow").ClickAsync();
        await Assertions.Expect(office.Locator("#publication-read-figures")).ToContainTextAsync("已读 1 / 应读");
        await Assertions.Expect(office.Locator("#publication-readers tbody tr", new() { HasText = "陶瓷" })).ToContainTextAsync("已读");
        await Assertions.Expect(office.Locator("#publication-readers tbody tr").First).ToContainTextAsync("未读");
        await Assertions.Expect(office.Locator("#publication-remind")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(office, "64-publications-office");
        await row.Locator("a.publication-title").ClickAsync();
        await Assertions.Expect(office.Locator("#publication-read-figures")).ToContainTextAsync("已读 1 / 应读");
        await BrowserSession.ScreenshotAsync(office, "65-publication-office-detail");
    }

    [Fact]
    public async Task A_unit_clerk_opens_a_new_task_notice_from_the_bell_and_lands_on_the_task()
    {
        await clerks.StartDecouplingAsync("jxj", "陶瓷");
        await clerks.CompleteWhenThereAsync("assoc.ceramics", "协会自查填报清单", prepare: Clerks.FillChecklistAsync);

        var unit = await clerks.AsAsync("jxj");
        await unit.GotoAsync("/");
        var notice = await NoticeInBellAsync(unit, "新待办：业务主管单位核实清单");
        await Assertions.Expect(notice).ToContainTextAsync("待办事项");
        await Assertions.Expect(notice).ToContainTextAsync("发给");
        await notice.ClickAsync();
        await unit.WaitForURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"));
        await Assertions.Expect(unit.Locator("#task-title")).ToHaveTextAsync("业务主管单位核实清单");
        await Assertions.Expect(unit.Locator("#task-work")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(unit, "66-task-from-bell");
    }
}
