using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The bpmn-js designer inside the platform as a newcomer meets it: it loads for the leading group, keeps the bpmn.io mark and
/// is closed to others; every tool and menu says in Chinese what it creates, the properties panel has no English left, and
/// publishing asks first.
/// </summary>
public sealed class DesignerTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_designer_opens_with_palette_properties_and_the_bpmn_io_mark()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html");
        await Assertions.Expect(page.Locator(".djs-palette")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToBeVisibleAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var elements = await page.EvaluateAsync<int>("() => window.designer.get('elementRegistry').getAll().length");
        Assert.True(elements > 0);
        await BrowserSession.ScreenshotAsync(page, "20-designer");
        Assert.Empty(errors);
    }

    /// <summary>Chinese, with no Latin letters but the name of the notation (BPMN).</summary>
    private static bool IsChinese(string text) =>
        Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}") && !Regex.IsMatch(text.Replace("BPMN", "", StringComparison.Ordinal), "[A-Za-z]");

    private static async Task<string[]> TitlesAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[]>("entries => entries.map(e => e.getAttribute('title') || '')");

    [Fact]
    public async Task Every_palette_and_context_pad_entry_and_every_replace_choice_says_in_Chinese_what_it_creates()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html");
        await page.Locator(".djs-palette .entry").First.WaitForAsync();

        // the palette names its entries in aria-label, which its hover tooltip shows (diagram-js draws that tooltip
        // itself rather than through a title attribute, so a title would show the same text twice)
        var palette = await page.Locator(".djs-palette .entry").EvaluateAllAsync<string[]>("entries => entries.map(e => e.getAttribute('aria-label') || '')");
        Assert.True(palette.Length > 20, $"the palette has {palette.Length} entries");
        Assert.All(palette, title => Assert.True(IsChinese(title), $"palette entry named “{title}”"));
        Assert.Contains("创建开始事件", palette);
        Assert.Contains("创建用户任务", palette);
        Assert.Contains("创建泳池/参与者", palette);
        Assert.Contains("创建排他网关", palette);

        // the new diagram's start event, then the task appended to it: each with its own context pad
        await page.Locator(".djs-element[data-element-id='StartEvent_1'] .djs-hit").First.ClickAsync();
        await page.Locator(".djs-context-pad .entry").First.WaitForAsync();
        var startPad = await TitlesAsync(page, ".djs-context-pad .entry");
        await page.Locator(".djs-context-pad .entry[data-action='append.append-task']").ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action='replace']").WaitForAsync();
        var taskPad = await TitlesAsync(page, ".djs-context-pad .entry");
        Assert.Contains("追加任务", startPad);
        Assert.Contains("追加排他网关", startPad);
        Assert.Contains("删除", taskPad);
        Assert.All(startPad.Concat(taskPad), title => Assert.True(IsChinese(title), $"context pad entry titled “{title}”"));

        // the task's 更改元素类型 menu opens with its choices (it opened empty until the bundle rendered it with one
        // preact) and every choice and button of it is Chinese; the node test menu-texts holds the menus of the other
        // kinds of element to the dictionary
        await page.Locator(".djs-context-pad .entry[data-action='replace']").ClickAsync();
        var menu = page.Locator(".djs-popup");
        await menu.Locator(".djs-popup-label").First.WaitForAsync();
        var choices = await menu.Locator(".djs-popup-label").AllInnerTextsAsync();
        Assert.True(choices.Count > 5, $"the replace menu offers {choices.Count} choices");
        Assert.Contains(choices, c => c.Trim() == "用户任务");
        Assert.All(choices, choice => Assert.True(IsChinese(choice), $"replace menu choice “{choice}”"));
        Assert.All(await TitlesAsync(page, ".djs-popup [title]"), title => Assert.True(IsChinese(title), $"replace menu item titled “{title}”"));
        await BrowserSession.ScreenshotAsync(page, "20-designer-replace-menu");
    }

    [Fact]
    public async Task Publishing_asks_first_naming_the_flow_the_new_version_and_the_cases_that_stay_on_theirs()
    {
        // one case running on version 1 of the decoupling flow
        var clerks = new Clerks(platform);
        await clerks.StartDecouplingAsync("jxj", "陶瓷");
        var page = await clerks.AsAsync("leading");
        var versions = async () => JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/definitions?key=decoupling")).TextAsync()).RootElement
            .EnumerateArray().Select(v => (Version: v.GetProperty("version").GetInt32(), Running: v.GetProperty("running").GetInt32())).ToList();
        var before = await versions();
        var running = before.Sum(v => v.Running);
        Assert.True(running >= 1, "the case started above runs on a version of decoupling");

        await page.GotoAsync("/designer/index.html?key=decoupling");
        await page.Locator(".djs-element[data-element-id='selfCheck']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // a change worth a new version: the self-check step renamed in the properties panel
        await page.EvaluateAsync("() => window.designer.get('selection').select(window.designer.get('elementRegistry').get('selfCheck'))");
        var name = page.Locator("#bio-properties-panel-name");
        if (!await name.IsVisibleAsync())
        {
            await page.Locator("[data-group-id='group-general'] .bio-properties-panel-group-header").ClickAsync();
        }

        await name.FillAsync("协会自查并填报清单");
        await name.PressAsync("Tab");

        var dialog = page.Locator("dialog.dz-dialog[open]");
        await page.Locator("button[data-action='designer.publish']").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var next = before.Max(v => v.Version) + 1;
        await Assertions.Expect(dialog).ToContainTextAsync("脱钩");
        await Assertions.Expect(dialog).ToContainTextAsync($"第 {next} 版");
        await Assertions.Expect(dialog).ToContainTextAsync($"正在办理的 {running} 件仍按原来的版本办完");
        await BrowserSession.ScreenshotAsync(page, "20-designer-publish-dialog");

        // 取消 publishes nothing
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".dz-notifications")).ToContainTextAsync("已取消，没有发布");
        Assert.Equal(before, await versions());

        // 发布 publishes version next, and the cases already running stay where they were
        await page.Locator("button[data-action='designer.publish']").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".dz-notifications")).ToContainTextAsync($"已发布为第 {next} 版", new() { Timeout = 20_000 });
        var after = await versions();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal((next, 0), after.Single(v => v.Version == next));
        Assert.Equal(running, after.Where(v => v.Version < next).Sum(v => v.Running));
    }

    [Fact]
    public async Task The_properties_panel_of_every_kind_of_step_has_no_English_left_and_names_roles_in_Chinese()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html?key=decoupling");
        await page.Locator(".djs-element[data-element-id='selfCheck']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // the process, its start, a user task, a service task, a call activity, a boundary event, a gateway and a conditional flow
        var ids = await page.EvaluateAsync<string[]>("""
            () => {
              const registry = window.designer.get('elementRegistry');
              const first = type => (registry.find(e => e.type === type && e.type !== 'label') || {}).id;
              const conditional = registry.find(e => e.type === 'bpmn:SequenceFlow' && e.businessObject.conditionExpression);
              return [ window.designer.get('canvas').getRootElement().id, first('bpmn:StartEvent'), 'selfCheck', first('bpmn:ServiceTask'),
                first('bpmn:CallActivity'), first('bpmn:BoundaryEvent'), first('bpmn:ExclusiveGateway'), conditional.id ];
            }
            """);
        foreach (var id in ids)
        {
            await page.EvaluateAsync("id => window.designer.get('selection').select(window.designer.get('elementRegistry').get(id))", id);
            await page.Locator(".bio-properties-panel-header").WaitForAsync();
            // every group opened once, as a person looking for a setting would (a list with no items stays closed)
            var headers = page.Locator(".bio-properties-panel-group-header");
            var count = await headers.CountAsync();
            for (var i = 0; i < count; i++)
            {
                if (!(await headers.Nth(i).GetAttributeAsync("class"))!.Split(' ').Contains("open"))
                {
                    await headers.Nth(i).ClickAsync();
                }
            }

            await BrowserSession.AssertNoLeftoversAsync(page);
            var titles = await TitlesAsync(page, ".bio-properties-panel [title]");
            Assert.All(titles.Where(t => Regex.IsMatch(t, "[A-Za-z]{3,}")).Where(t => !Regex.IsMatch(t, @"^[\w:.,${}-]+$")),
                title => Assert.Fail($"{id}: a tooltip in English: “{title}”"));
        }

        // the user task's candidate groups: the role the office holds is 领导小组办公室, as everywhere else on the platform
        await page.EvaluateAsync("() => window.designer.get('selection').select(window.designer.get('elementRegistry').get('selfCheck'))");
        var roles = page.Locator("[data-group-id='group-dz-candidate-groups'] select").Nth(1);
        await Assertions.Expect(roles.Locator("option[value='role:LeadingGroup']")).ToHaveTextAsync("领导小组办公室");
        var groups = await page.Locator("[data-group-id='group-dz-candidate-groups'] select").First.Locator("optgroup").EvaluateAllAsync<string[]>("g => g.map(x => x.label)");
        Assert.NotEmpty(groups);
        Assert.All(groups, label => Assert.True(IsChinese(label), $"department group “{label}”"));
        await BrowserSession.ScreenshotAsync(page, "20-designer-properties");
    }

    [Fact]
    public async Task A_reviewer_gets_no_definitions_from_the_designer_api()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "czj");
        var response = await page.APIRequest.GetAsync("/api/definitions");
        Assert.Equal(403, response.Status);
    }
}
