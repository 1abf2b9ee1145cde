using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// One association through the whole procedure by clicking, as each person would: the unit starts it, the association
/// self-checks, seals and uploads evidence in its portal, the unit verifies and submits the plan, the leading group
/// approves it, every reviewing department approves its items, the registration window and 民政局 register the change.
/// Screenshots of each main page are kept under the test output (screenshots/).
/// </summary>
public sealed class ProcedureInBrowserTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private readonly Dictionary<string, IPage> pages = [];

    private async Task<IPage> AsAsync(string user)
    {
        if (!pages.TryGetValue(user, out var page))
        {
            page = await platform.Browser.SignInAsync(platform.Host.Url, user);
            pages[user] = page;
        }

        return page;
    }

    /// <summary>Opens the user's inbox and completes the first task whose name contains <paramref name="taskName"/>; false if there is none.</summary>
    private async Task<bool> CompleteAsync(string user, string taskName, string? screenshot = null)
    {
        var page = await AsAsync(user);
        await page.GotoAsync("/tasks");
        await page.Locator("#inbox-table").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var link = page.Locator("#inbox-table a", new() { HasText = taskName }).First;
        if (await link.CountAsync() == 0)
        {
            return false;
        }

        await link.ClickAsync();
        await page.Locator("#outcome-approve").WaitForAsync();
        if (screenshot is not null)
        {
            await BrowserSession.ScreenshotAsync(page, screenshot);
        }

        await page.Locator("#comment").FillAsync("同意。");
        await page.Locator("#outcome-approve").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/tasks", StringComparison.Ordinal));
        return true;
    }

    /// <summary>Waits until the task reaches the user's inbox (async steps run on Hangfire in the background).</summary>
    private async Task CompleteWhenThereAsync(string user, string taskName, string? screenshot = null)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await CompleteAsync(user, taskName, screenshot))
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{user} never got a task named {taskName}");
    }

    [Fact]
    public async Task The_ceramics_association_is_decoupled_by_clicking()
    {
        // the unit starts decoupling from its workspace
        var unit = await AsAsync("jxj");
        await unit.GotoAsync("/unit");
        var row = unit.Locator("#unit-associations tr", new() { HasText = "陶瓷" });
        await row.Locator("button", new() { HasText = "发起脱钩" }).ClickAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync();
        await Assertions.Expect(unit.Locator(".mud-snackbar")).ToContainTextAsync("已发起");
        await BrowserSession.ScreenshotAsync(unit, "30-unit-workspace");

        // the association self-checks its checklist in the portal, then submits
        await CompleteWhenThereAsync("assoc.ceramics", "协会自查填报清单", "31-task-self-check");
        var association = await AsAsync("assoc.ceramics");
        await association.GotoAsync("/portal");
        await Assertions.Expect(association.Locator("#case-progress")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(association, "32-portal");

        await CompleteWhenThereAsync("jxj", "业务主管单位核实清单");
        await CompleteWhenThereAsync("assoc.ceramics", "协会盖章确认清单");
        await CompleteWhenThereAsync("jxj", "业务主管单位盖章确认清单");
        await CompleteWhenThereAsync("jxj", "业务主管单位修改并报审方案");
        await CompleteWhenThereAsync("leading", "领导小组办公室审核方案", "33-plan-review");

        // every reviewing department approves the items routed to it
        var reviewers = new[] { "jxj", "bb", "czj", "jgswj", "zzb", "rsj", "wsb" };
        var idle = 0;
        while (idle < 2)
        {
            var any = false;
            foreach (var reviewer in reviewers)
            {
                while (await CompleteAsync(reviewer, "部门审核", reviewer == "czj" ? "34-inbox-review" : null))
                {
                    any = true;
                }
            }

            idle = any ? 0 : idle + 1;
            await Task.Delay(1000);
        }

        // the association uploads evidence for every item in its portal, then reports completion
        await association.GotoAsync("/portal");
        var uploads = association.Locator(".checklist-item input[type=file]");
        await uploads.First.WaitForAsync();
        var count = await uploads.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await association.Locator(".checklist-item input[type=file]").Nth(i).SetInputFilesAsync(new FilePayload
            {
                Name = $"佐证{i + 1}.docx",
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = Docx.Minimal($"第{i + 1}项完成情况"),
            });
            await Assertions.Expect(association.Locator(".checklist-item").Nth(i).Locator(".mud-chip", new() { HasText = "佐证" })).ToBeVisibleAsync();
        }

        await BrowserSession.ScreenshotAsync(association, "35-portal-evidence");
        await CompleteWhenThereAsync("assoc.ceramics", "上传佐证材料");
        await CompleteWhenThereAsync("jxj", "业务主管单位确认完成");

        // one window: intake, back-office approvals, then the register is updated and the certificate renewed
        await CompleteWhenThereAsync("registrar", "前台综合受理");
        await CompleteWhenThereAsync("leading.mz", "章程核准");
        await CompleteWhenThereAsync("registrar", "变更登记审批");
        await CompleteWhenThereAsync("registrar", "印章及银行账户备案");

        var leading = await AsAsync("leading");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await leading.GotoAsync("/register");
            await leading.Locator("#register-search").FillAsync("陶瓷");
            await Task.Delay(600);
            if (await leading.Locator("#register-table tr", new() { HasText = "已完成脱钩" }).CountAsync() > 0
                || await leading.Locator("#register-table tr", new() { HasText = "已脱钩" }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await leading.Locator("#register-table a", new() { HasText = "陶瓷" }).First.ClickAsync();
        await Assertions.Expect(leading.Locator("#association-name")).ToContainTextAsync("陶瓷");
        await Assertions.Expect(leading.Locator("#change-history")).ToContainTextAsync("业务主管单位");
        await BrowserSession.ScreenshotAsync(leading, "36-register-detail");
        await leading.GotoAsync("/dashboard");
        await Assertions.Expect(leading.Locator("#stat-total")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(leading, "37-dashboard");
    }
}
