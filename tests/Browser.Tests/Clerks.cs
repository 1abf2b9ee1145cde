using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>The people of one browser test, each signed in once, working their inbox by clicking.</summary>
public sealed class Clerks(PlatformFixture platform)
{
    private readonly Dictionary<string, IPage> pages = [];

    public async Task<IPage> AsAsync(string user)
    {
        if (!pages.TryGetValue(user, out var page))
        {
            page = await platform.Browser.SignInAsync(platform.Host.Url, user);
            pages[user] = page;
        }

        return page;
    }

    /// <summary>Opens the user's inbox and approves the first task whose name contains <paramref name="taskName"/>; false if there is none.</summary>
    public async Task<bool> CompleteAsync(string user, string taskName, string? screenshot = null)
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
    public async Task CompleteWhenThereAsync(string user, string taskName, string? screenshot = null)
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

    /// <summary>The unit starts decoupling of the association from its workspace.</summary>
    public async Task StartDecouplingAsync(string unitUser, string associationName, string? screenshot = null)
    {
        var unit = await AsAsync(unitUser);
        await unit.GotoAsync("/unit");
        var row = unit.Locator("#unit-associations tr", new() { HasText = associationName });
        await row.Locator("button", new() { HasText = "发起脱钩" }).ClickAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync();
        await Assertions.Expect(unit.Locator(".mud-snackbar")).ToContainTextAsync("已发起");
        if (screenshot is not null)
        {
            await BrowserSession.ScreenshotAsync(unit, screenshot);
        }
    }

    /// <summary>Step 1 of the procedure up to the leading group's approval of the plan, which starts the item reviews.</summary>
    public async Task PlanUntilApprovedAsync(string association, string unit, Func<IPage, Task>? afterSelfCheck = null, bool screenshots = false)
    {
        await CompleteWhenThereAsync(association, "协会自查填报清单", screenshots ? "31-task-self-check" : null);
        if (afterSelfCheck is not null)
        {
            await afterSelfCheck(await AsAsync(association));
        }

        await CompleteWhenThereAsync(unit, "业务主管单位核实清单");
        await CompleteWhenThereAsync(association, "协会盖章确认清单");
        await CompleteWhenThereAsync(unit, "业务主管单位盖章确认清单");
        await CompleteWhenThereAsync(unit, "业务主管单位修改并报审方案");
        await CompleteWhenThereAsync("leading", "领导小组办公室审核方案", screenshots ? "33-plan-review" : null);
    }
}
