using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The people of one browser test, each signed in once, working their inbox by clicking: open the task, do what its
/// page asks first (fill or seal the checklist, pick a channel), choose an outcome its form declares, write the opinion
/// and confirm.
/// </summary>
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

    /// <summary>
    /// Opens the user's inbox and completes the first task whose name contains <paramref name="taskName"/>; false if there is
    /// none. <paramref name="outcome"/> is the id of one of the outcomes the task's form declares (the button
    /// <c>#outcome-{id}</c>); without it the task's first outcome, the one the page shows as the main button (同意, 提交…).
    /// <paramref name="prepare"/> is what the person does on the task page before deciding; <paramref name="comment"/> their
    /// opinion (a reason for a return), otherwise the outcome's name.
    /// </summary>
    public async Task<bool> CompleteAsync(string user, string taskName, string? screenshot = null, string? outcome = null, Func<IPage, Task>? prepare = null,
        string? comment = null)
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
        var outcomes = page.Locator("#task-actions button[id^='outcome-']");
        await outcomes.First.WaitForAsync();
        if (prepare is not null)
        {
            await prepare(page);
        }

        if (screenshot is not null)
        {
            await BrowserSession.ScreenshotAsync(page, screenshot);
        }

        var button = outcome is null ? outcomes.First : page.Locator($"#outcome-{outcome}");
        var name = (await button.InnerTextAsync()).Trim();
        await page.Locator("#comment").FillAsync(comment ?? name + "。");
        await button.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/tasks", StringComparison.Ordinal));
        return true;
    }

    /// <summary>Waits until the task reaches the user's inbox (async steps run on Hangfire in the background).</summary>
    public async Task CompleteWhenThereAsync(string user, string taskName, string? screenshot = null, string? outcome = null, Func<IPage, Task>? prepare = null,
        string? comment = null)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await CompleteAsync(user, taskName, screenshot, outcome, prepare, comment))
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

    /// <summary>
    /// The association's self-check on the task page: every item still to fill gets the situation before decoupling,
    /// a deadline typed into the date field and the responsible unit and person (the measure comes from the template),
    /// and is saved.
    /// </summary>
    public static async Task FillChecklistAsync(IPage page)
    {
        var items = page.Locator("#task-work .checklist-item");
        await items.First.WaitForAsync();
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            var situation = item.Locator(".item-situation textarea");
            if (await situation.CountAsync() == 0)
            {
                continue;
            }

            var title = (await item.Locator("p.mud-typography-subtitle1").InnerTextAsync()).Trim();
            await situation.FillAsync($"{title}：脱钩前由业务主管单位负责。");
            var measure = item.Locator(".item-measure textarea");
            if (string.IsNullOrWhiteSpace(await measure.InputValueAsync()))
            {
                await measure.FillAsync("按脱钩方案落实。");
            }

            var deadline = item.Locator(".item-deadline input");
            await deadline.FillAsync("2026-12-31");
            await deadline.PressAsync("Tab");
            await item.Locator(".item-unit input").FillAsync("协会秘书处");
            await item.Locator(".item-person input").FillAsync("王秘书长");
            await item.Locator("button[id^='save-']").ClickAsync();
            await Assertions.Expect(item.Locator(".item-deadline input")).ToHaveValueAsync("2026-12-31");
        }

        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已保存" }).First).ToBeVisibleAsync();
    }

    /// <summary>Seals the checklist on the task page (盖章确认, then 盖章 in the confirmation) before confirming the task.</summary>
    public static async Task SealChecklistAsync(IPage page)
    {
        await page.Locator("#checklist-seal").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "盖章", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#seal-status")).ToContainTextAsync("已盖章确认");
    }

    /// <summary>Chooses <paramref name="option"/> in the form's drop-down field <paramref name="fieldId"/>, as a person opens it and clicks.</summary>
    public static async Task ChooseAsync(IPage page, string fieldId, string option)
    {
        await page.Locator($"#field-{fieldId} div.mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator($"#field-{fieldId} input").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
    }

    /// <summary>Step 1 of the procedure up to the leading group's approval of the plan, which starts the item reviews.</summary>
    public async Task PlanUntilApprovedAsync(string association, string unit, Func<IPage, Task>? afterSelfCheck = null, bool screenshots = false)
    {
        await CompleteWhenThereAsync(association, "协会自查填报清单", screenshots ? "31-task-self-check" : null, prepare: FillChecklistAsync);
        if (afterSelfCheck is not null)
        {
            await afterSelfCheck(await AsAsync(association));
        }

        await CompleteWhenThereAsync(unit, "业务主管单位核实清单", outcome: "verify");
        await CompleteWhenThereAsync(association, "协会盖章确认清单", prepare: SealChecklistAsync);
        await CompleteWhenThereAsync(unit, "业务主管单位盖章确认清单", prepare: SealChecklistAsync);
        await CompleteWhenThereAsync(unit, "业务主管单位修改并报审方案");
        // the office reviews the plan with the checklist it rests on in the page
        await CompleteWhenThereAsync("leading", "领导小组办公室审核方案", screenshots ? "33-plan-review" : null, outcome: "approve",
            prepare: page => Assertions.Expect(page.Locator("#task-work .checklist-item").First).ToBeVisibleAsync());
    }
}
