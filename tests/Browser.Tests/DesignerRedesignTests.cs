using System.Text.Json;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The designer in Debian's chromium: every flow of workflows/ survives open-and-save without loss, and the leading
/// group redesigns item-review (a new 领导小组办公室备案 step), publishes it as version 2, compares it with version 1 and
/// simulates it there.
/// </summary>
public sealed class DesignerRedesignTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static string Workflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "workflows")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new DirectoryNotFoundException("workflows/");
    }

    /// <summary>What the engine runs, element by element: ids, kinds, names, flows, conditions and camunda settings.</summary>
    private static SortedSet<string> Semantics(string xml)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var process in BpmnParser.Parse(xml).Processes)
        {
            foreach (var node in process.NodesById.Values)
            {
                lines.Add(string.Join("|", process.Key, node.Id, node.Kind, node.Name, node.Parent?.Id, node.Trigger, node.Timer?.Expression, node.MessageName, node.ErrorCode,
                    node.AttachedToId, node.CancelActivity, node.Topic, node.AsyncBefore, node.Assignee, node.CandidateGroups, node.DueDate, node.FormKey,
                    node.CalledElement, node.DefaultFlowId, node.Loop?.Collection, node.Loop?.ElementVariable, node.Loop?.IsSequential, node.Loop?.CompletionCondition,
                    string.Join(";", node.Inputs.Select(i => $"{i.Name}={i.Value}")), string.Join(";", node.Outputs.Select(i => $"{i.Name}={i.Value}")),
                    string.Join(";", node.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")),
                    string.Join(";", node.InMappings.Concat(node.OutMappings).Select(m => $"{m.Source}>{m.SourceExpression}>{m.Target}>{m.AllVariables}>{m.BusinessKey}"))));
            }

            foreach (var flow in process.FlowsById.Values)
            {
                lines.Add(string.Join("|", process.Key, flow.Id, flow.SourceId, flow.TargetId, flow.Condition, flow.Name));
            }
        }

        return lines;
    }

    [Fact]
    public async Task Every_flow_round_trips_through_the_designer_without_loss()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html");
        await page.Locator(".djs-palette").WaitForAsync();
        // every flow of workflows/ is one the platform published at its first start, and each of them is checked here
        var files = Directory.GetFiles(Workflows(), "*.bpmn");
        var keys = files.SelectMany(f => BpmnParser.Parse(File.ReadAllText(f)).Processes.Select(p => p.Key)).ToHashSet();
        var published = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/definitions")).TextAsync()).RootElement
            .EnumerateArray().Select(d => d.GetProperty("key").GetString()!).ToHashSet();
        Assert.Equal(published.Order(), keys.Order());
        foreach (var file in files)
        {
            var original = await File.ReadAllTextAsync(file);
            var saved = await page.EvaluateAsync<string>("async xml => { await window.designer.importXML(xml); return (await window.designer.saveXML({ format: true })).xml; }", original);
            Assert.Equal(Semantics(original), Semantics(saved));
            var shapes = await page.EvaluateAsync<int>("() => window.designer.get('elementRegistry').filter(e => e.type !== 'label').length");
            Assert.True(shapes > 5, $"{Path.GetFileName(file)} shows {shapes} elements");
        }
    }

    /// <summary>The middle of a connection on the screen, read from its SVG path.</summary>
    private static async Task<(float X, float Y)> MiddleOfAsync(IPage page, string flowId)
    {
        var point = await page.EvaluateAsync<float[]>("""
            id => {
              const path = document.querySelector(`.djs-element[data-element-id="${id}"] .djs-visual > path`);
              const at = path.getPointAtLength(path.getTotalLength() / 2);
              const screen = new DOMPoint(at.x, at.y).matrixTransform(path.getScreenCTM());
              return [ screen.x, screen.y ];
            }
            """, flowId);
        return (point[0], point[1]);
    }

    /// <summary>Opens a collapsed group of the properties panel, as a person clicks its header.</summary>
    private static async Task OpenGroupAsync(IPage page, string group, string field)
    {
        if (!await page.Locator(field).First.IsVisibleAsync())
        {
            await page.Locator($"[data-group-id='group-{group}'] .bio-properties-panel-group-header").ClickAsync();
        }

        await page.Locator(field).First.WaitForAsync();
    }

    /// <summary>
    /// Presses a button of the properties panel from the keyboard (Tab to it, Enter): a group header at the panel's edge
    /// toggles between sticky and not as the panel scrolls, so a mouse click waits for it to stand still.
    /// </summary>
    private static async Task PressAsync(ILocator button)
    {
        await button.FocusAsync();
        await button.PressAsync("Enter");
    }

    /// <summary>Opens a collapsed entry of a list in the properties panel (a form field, one of its values), as a person clicks its header.</summary>
    private static async Task OpenEntryAsync(IPage page, string entryId, string field)
    {
        var entry = page.Locator($"[data-entry-id='{entryId}']");
        await entry.WaitForAsync();
        if (!await page.Locator(field).IsVisibleAsync())
        {
            await entry.Locator(".bio-properties-panel-collapsible-entry-header").First.ClickAsync();
        }

        await page.Locator(field).WaitForAsync();
    }

    /// <summary>Types into a properties-panel field and leaves it, as a person does, so the panel writes it to the model.</summary>
    private static async Task Fill(IPage page, string selector, string text)
    {
        var input = page.Locator(selector);
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task Item_review_is_redesigned_by_clicking_published_as_version_2_simulated_and_run()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html?key=item-review");
        await page.Locator(".djs-palette").WaitForAsync();
        await page.Locator(".djs-element[data-element-id='f_markApproved_itemReviewed']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await BrowserSession.ScreenshotAsync(page, "21-designer-item-review");

        // room first: the end event is dragged 150 to the right (the canvas scrolled to show where it goes), so the new
        // step fits between 事项审核通过 and the end without overlapping either
        var scale = await page.EvaluateAsync<float>("() => window.designer.get('canvas').zoom()");
        var container = (await page.Locator(".djs-container").BoundingBoxAsync())!;
        var end = (await page.Locator(".djs-element[data-element-id='itemReviewed'] .djs-hit").First.BoundingBoxAsync())!;
        var room = 150 * scale;
        var overflow = end.X + end.Width / 2 + room + 80 - (container.X + container.Width);
        if (overflow > 0)
        {
            await page.Mouse.MoveAsync(container.X + container.Width / 2, container.Y + container.Height / 2);
            await page.Mouse.WheelAsync(overflow, 0);
            await page.WaitForTimeoutAsync(300);
            end = (await page.Locator(".djs-element[data-element-id='itemReviewed'] .djs-hit").First.BoundingBoxAsync())!;
        }

        var (endX, endY) = (end.X + end.Width / 2, end.Y + end.Height / 2);
        await page.Mouse.MoveAsync(endX, endY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(endX + room / 2, endY, new() { Steps = 5 });
        await page.Mouse.MoveAsync(endX + room, endY, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var moved = await page.EvaluateAsync<float>("() => window.designer.get('elementRegistry').get('itemReviewed').x");
        Assert.True(moved >= 2102 + 140, $"the end event is at x={moved}");

        // a user task dragged from the palette onto the flow into the end event: bpmn-js splits the flow around it
        var (x, y) = await MiddleOfAsync(page, "f_markApproved_itemReviewed");
        var entry = await page.Locator(".djs-palette .entry[data-action='create.user-task']").BoundingBoxAsync();
        await page.Mouse.MoveAsync(entry!.X + entry.Width / 2, entry.Y + entry.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x - 40, y - 40, new() { Steps = 10 });
        await page.Mouse.MoveAsync(x, y, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        // the properties panel: id, name, and the department picker writes the candidate group
        await OpenGroupAsync(page, "general", "#bio-properties-panel-id");
        var id = page.Locator("#bio-properties-panel-id");
        await id.FillAsync("officeFiling");
        await id.PressAsync("Tab");
        var name = page.Locator("#bio-properties-panel-name");
        await name.FillAsync("领导小组办公室备案");
        await name.PressAsync("Tab");
        await OpenGroupAsync(page, "dz-candidate-groups", "[data-group-id='group-dz-candidate-groups'] select");
        var picker = page.Locator("[data-group-id='group-dz-candidate-groups']");

        await picker.Locator("select").First.SelectOptionAsync("dept:fgj");
        await Assertions.Expect(picker.Locator(".dz-chip")).ToContainTextAsync("发展和改革局");

        // the step's form (表单 → 类型: generated task form), with its one outcome 备案 in the field 办理结论: the platform
        // publishes no user task without a declared form
        await OpenGroupAsync(page, "CamundaPlatform__Form", "#bio-properties-panel-formType");
        await page.Locator("#bio-properties-panel-formType").SelectOptionAsync("formData");
        var fields = page.Locator("[data-group-id='group-CamundaPlatform__FormData']");
        var addField = fields.Locator(".bio-properties-panel-group-header .bio-properties-panel-add-entry");
        await PressAsync(addField);

        const string field = "#bio-properties-panel-officeFiling-formField-0";
        await OpenEntryAsync(page, "officeFiling-formField-0", field + "-formFieldID");
        await Fill(page, field + "-formFieldID", "outcome");
        await Fill(page, field + "-formFieldLabel", "办理结论");
        await page.Locator(field + "-formFieldType").SelectOptionAsync("enum");
        await PressAsync(page.Locator("[data-entry-id='officeFiling-formField-0-formFieldValues'] .bio-properties-panel-add-entry"));
        await OpenEntryAsync(page, "officeFiling-formField-0-formFieldValues-value-0", field + "-formFieldValues-value-0-id");
        await Fill(page, field + "-formFieldValues-value-0-id", "approve");
        await Fill(page, field + "-formFieldValues-value-0-name", "备案");
        await PressAsync(page.Locator("[data-entry-id='officeFiling-formField-0-formFieldConstraints'] .bio-properties-panel-add-entry"));
        await OpenEntryAsync(page, "officeFiling-formField-0-formFieldConstraints-constraint-0", field + "-formFieldConstraints-constraint-0-name");
        await Fill(page, field + "-formFieldConstraints-constraint-0-name", "required");
        await BrowserSession.ScreenshotAsync(page, "21-designer-redesign");

        var before = await page.APIRequest.GetAsync("/api/definitions?key=item-review");
        var versionsBefore = JsonDocument.Parse(await before.TextAsync()).RootElement.GetArrayLength();
        await page.Locator("button[data-action='designer.publish']").ClickAsync();
        await page.Locator("dialog.dz-dialog[open]").GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".dz-notifications")).ToContainTextAsync("已发布为第", new() { Timeout = 20_000 });

        // the rule check has nothing to say about the new step or the moved end (no missing form, nothing overlapping)
        Assert.Equal(0, await page.Locator(".dz-issue", new() { HasText = "领导小组办公室备案" }).CountAsync());
        Assert.Equal(0, await page.Locator(".dz-issue", new() { HasText = "重叠" }).CountAsync());

        var after = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/definitions?key=item-review")).TextAsync()).RootElement;
        Assert.Equal(versionsBefore + 1, after.GetArrayLength());
        var latest = BpmnParser.Parse(await (await page.APIRequest.GetAsync("/api/definitions/latest/item-review/xml")).TextAsync()).Processes.Single();
        var filing = latest.GetNode("officeFiling");
        Assert.Equal(FlowNodeKind.UserTask, filing.Kind);
        Assert.Equal("领导小组办公室备案", filing.Name);
        Assert.Equal("dept:fgj", filing.CandidateGroups);
        Assert.Equal("markApproved", Assert.Single(latest.FlowsById.Values, f => f.TargetId == "officeFiling").SourceId);
        Assert.Single(latest.FlowsById.Values, f => f.SourceId == "officeFiling" && f.TargetId == "itemReviewed");
        var outcome = filing.Form?.Outcome;
        Assert.NotNull(outcome);
        Assert.Equal("approve", Assert.Single(outcome.Values).Id);

        // the versions tab lists both versions with who published them in words
        await page.Locator(".dz-tab", new() { HasText = "版本" }).ClickAsync();
        var versions = page.Locator(".dz-tab-body[data-panel='versions']");
        await Assertions.Expect(versions).ToContainTextAsync("第 2 版");
        await Assertions.Expect(versions).ToContainTextAsync("平台初始发布");
        await Assertions.Expect(versions).Not.ToContainTextAsync("startup");
        await Assertions.Expect(versions.Locator("tr", new() { HasText = "第 2 版" })).ToContainTextAsync("领导小组办公室（发改局）");

        // 比较 version 1 → 2: the new step is listed as added and coloured on the diagram, the end it now leads to as
        // changed, each by its Chinese name and id, with what changed from → to
        await versions.GetByLabel("选择第 1 版").CheckAsync();
        await versions.GetByLabel("选择第 2 版").CheckAsync();
        await versions.GetByRole(AriaRole.Button, new() { Name = "比较 第 1 版 → 第 2 版" }).ClickAsync();
        var added = versions.Locator(".dz-diff-added[data-element-id='officeFiling']");
        await Assertions.Expect(added).ToContainTextAsync("领导小组办公室备案");
        await Assertions.Expect(added.Locator(".dz-element-id")).ToHaveTextAsync("officeFiling");
        var ending = versions.Locator(".dz-diff-changed[data-element-id='itemReviewed']");
        await Assertions.Expect(ending).ToContainTextAsync("事项审核完成");
        await Assertions.Expect(ending.Locator(".dz-diff-changes")).ToContainTextAsync("入口连线");
        await Assertions.Expect(ending.Locator(".dz-diff-after")).ToContainTextAsync("从“领导小组办公室备案”到“事项审核完成”");
        await Assertions.Expect(versions.Locator(".dz-diff-removed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".djs-element.dz-diff-added[data-element-id='officeFiling']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-element.dz-diff-changed[data-element-id='itemReviewed']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "21-designer-compare");
        await versions.GetByRole(AriaRole.Button, new() { Name = "清除标记" }).ClickAsync();

        // the simulation panel: start variables and the routing service's answer typed in, the path drawn on the diagram
        await page.Locator(".dz-tab", new() { HasText = "模拟" }).ClickAsync();
        var panel = page.Locator(".dz-tab-body[data-panel='simulation']");
        // the start variables come pre-filled from what the flow reads (the case facts, the item under review), not guessed
        var prefilled = await panel.Locator("textarea").InputValueAsync();
        Assert.Contains("\"associationId\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("\"supervisoryUnitCode\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("\"item\"", prefilled, StringComparison.Ordinal);
        await panel.Locator("textarea").FillAsync("""{"associationId":"a","supervisoryUnitCode":"jxj","item":{"id":"i1","number":1,"category":"Functions","title":"剥离行政职能"}}""");
        await panel.Locator(".dz-sim-item", new() { HasText = "确定审核部门" }).Locator("input.dz-vars")
            .FillAsync("""{"needsSupervisory":true,"functionalDepartments":[]}""");
        await panel.GetByRole(AriaRole.Button, new() { Name = "运行模拟" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".dz-sim-result")).ToContainTextAsync("流程已完成");
        await Assertions.Expect(page.Locator(".djs-element.dz-completed[data-element-id='officeFiling']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-connection.dz-path[data-element-id='f_markApproved_itemReviewed']")).Not.ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "22-designer-simulated");

        // a case started in the unit's workspace runs its item reviews on version 2: the office files each approved item
        var clerks = new Clerks(platform);
        await clerks.StartDecouplingAsync("jxj", "陶瓷");
        await clerks.PlanUntilApprovedAsync("assoc.ceramics", "jxj");
        var reviewers = new[] { "jxj", "bb", "czj", "jgswj", "zzb", "rsj", "wsb" };
        var filed = false;
        for (var round = 0; round < 20 && !filed; round++)
        {
            foreach (var reviewer in reviewers)
            {
                if (await clerks.CompleteAsync(reviewer, "审核：", outcome: "approve"))
                {
                    break;
                }
            }

            filed = await clerks.CompleteAsync("leading", "领导小组办公室备案", "23-inbox-office-filing");
        }

        Assert.True(filed, "no 领导小组办公室备案 task reached the office after a department approved an item");
        var instances = await clerks.AsAsync("leading");
        await instances.GotoAsync("/instances");
        await instances.Locator("#instance-table").WaitForAsync();
        await instances.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserSession.ScreenshotAsync(instances, "24-instances");

        // the case's item reviews, listed on its page as sub-cases, run on version 2
        await instances.Locator("#instance-table tr", new() { HasText = "陶瓷" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(instances.Locator("#sub-cases tr", new() { HasText = "第 2 版" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // the diagram of the case is drawn in the viewer beside its journal, not a blank frame
        var viewer = instances.FrameLocator("#instance-viewer");
        await viewer.Locator(".djs-element[data-element-id='selfCheck']").WaitForAsync(new() { Timeout = 30_000 });
        // its list of steps names them as people know them, never by element id or instance id
        await Assertions.Expect(viewer.Locator("body")).ToContainTextAsync("协会自查填报清单");
        await Assertions.Expect(viewer.Locator("body")).Not.ToContainTextAsync("selfCheck");
        await Assertions.Expect(viewer.Locator("body")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9a-f]{8}-[0-9a-f]{4}-"));
        await Assertions.Expect(instances.Locator("#journal .journal-entry").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(instances, "24-instance-v2-sub-cases");
        await BrowserSession.AssertNoLeftoversAsync(instances);
    }
}
