using System.Text.Json;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The designer in Debian's chromium: every flow of workflows/ survives open-and-save without loss, and the leading
/// group redesigns item-review (a new 领导小组办公室备案 step), publishes it as version 2 and simulates it there.
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
        var files = Directory.GetFiles(Workflows(), "*.bpmn");
        Assert.Equal(6, files.Length);
        foreach (var file in files)
        {
            var original = await File.ReadAllTextAsync(file);
            var saved = await page.EvaluateAsync<string>("async xml => { await window.designer.importXML(xml); return (await window.designer.saveXML({ format: true })).xml; }", original);
            Assert.Equal(Semantics(original), Semantics(saved));
            var shapes = await page.EvaluateAsync<int>("() => window.designer.get('elementRegistry').filter(e => e.type !== 'label').length");
            Assert.True(shapes > 5, $"{Path.GetFileName(file)} shows {shapes} elements");
        }
    }

    [Fact]
    public async Task Item_review_is_redesigned_published_as_version_2_and_simulated()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html?key=item-review");
        await page.Locator(".djs-palette").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.designer.get('elementRegistry').get('markApproved') !== undefined");

        // a new user task for the leading-group office between the approval and the end, as the palette would place it
        await page.EvaluateAsync("""
            () => {
              const registry = window.designer.get('elementRegistry');
              const modeling = window.designer.get('modeling');
              const factory = window.designer.get('elementFactory');
              const end = registry.get('itemReviewed');
              const incoming = end.incoming[0];
              const task = modeling.createShape(factory.createShape({ type: 'bpmn:UserTask' }), { x: end.x + 20, y: end.y + 140 }, end.parent);
              modeling.updateProperties(task, { id: 'officeFiling', name: '领导小组办公室备案', 'camunda:candidateGroups': 'dept:fgj' });
              modeling.reconnectEnd(incoming, task, { x: task.x, y: task.y + task.height / 2 });
              modeling.connect(task, end);
              window.designer.get('selection').select(task);
            }
            """);
        await BrowserSession.ScreenshotAsync(page, "21-designer-redesign");
        var before = await page.APIRequest.GetAsync("/api/definitions?key=item-review");
        var versionsBefore = JsonDocument.Parse(await before.TextAsync()).RootElement.GetArrayLength();

        await page.Locator("button[data-action='designer.publish']").ClickAsync();
        await Assertions.Expect(page.Locator(".dz-notifications")).ToContainTextAsync("已发布为第", new() { Timeout = 20_000 });

        var after = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/definitions?key=item-review")).TextAsync()).RootElement;
        Assert.Equal(versionsBefore + 1, after.GetArrayLength());
        var latest = await (await page.APIRequest.GetAsync("/api/definitions/latest/item-review/xml")).TextAsync();
        var filing = BpmnParser.Parse(latest).Processes.Single().GetNode("officeFiling");
        Assert.Equal(FlowNodeKind.UserTask, filing.Kind);
        Assert.Equal("dept:fgj", filing.CandidateGroups);

        // the simulation of the new version passes through the new step
        var simulation = await page.APIRequest.PostAsync("/api/definitions/simulate", new()
        {
            DataObject = new
            {
                xml = latest,
                vars = new { associationId = "a", supervisoryUnitCode = "jxj", item = new { id = "i1", number = 1, category = "Functions", title = "剥离行政职能" } },
                answers = new
                {
                    services = new
                    {
                        resolveRouting = new { needsSupervisory = true, functionalDepartments = Array.Empty<string>() },
                        sNumber = new { documentNumber = "罗经信审〔2026〕1号" },
                        sDocument = new { documentId = "doc-1" },
                    },
                    tasks = new { sReview = new[] { new { outcome = "approve" } }, officeFiling = new[] { new { outcome = "approve" } } },
                },
            },
        });
        var result = JsonDocument.Parse(await simulation.TextAsync()).RootElement;
        Assert.True(result.GetProperty("completed").GetBoolean(), await simulation.TextAsync());
        Assert.Equal(1, result.GetProperty("counters").GetProperty("officeFiling").GetInt32());
        await BrowserSession.ScreenshotAsync(page, "22-designer-published");
    }
}
