using System.Security;
using System.Text.Json;
using Decoupling.Domain.Register;
using Decoupling.TestSupport;
using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// HTML and script typed into text fields through the API (association name, task name from a definition, approval
/// comment, checklist notes, a user's display name) is shown on the pages as the literal text and never runs: issue 7's
/// hostile input.
/// </summary>
public sealed class ScriptInTextTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string Payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">";

    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    private static async Task<JsonElement> JsonAsync(IAPIResponse response)
    {
        Assert.True(response.Ok, $"{response.Status} {response.Url}: {await response.TextAsync()}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement;
    }

    /// <summary>The script ran if it set the marker; an image that failed to load with the handler would set it too.</summary>
    private static async Task AssertNoScriptRanAsync(IPage page) =>
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));

    [Fact]
    public async Task Script_in_every_text_field_is_shown_as_text_and_never_runs()
    {
        var leading = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        var api = leading.APIRequest;

        // an association named with the payload, under the supervisory unit of a seeded one
        var unit = (await JsonAsync(await api.GetAsync("/api/register?take=1"))).GetProperty("items")[0].GetProperty("supervisoryUnitId").GetGuid();
        var name = "临沂市罗庄区" + Payload + "协会";
        var created = await JsonAsync(await api.PostAsync("/api/register", new()
        {
            DataObject = new { name, creditCode = new CreditCodeGenerator(Environment.TickCount).Next(), supervisoryUnitId = unit, status = "RegisteredCivilAffairs" },
        }));
        var associationId = created.GetProperty("id").GetGuid();

        // a flow whose task is named with the payload, written as the platform publishes flows: a case about an association,
        // started by the leading group, each step with its form (the association read-only, the one outcome 同意); the case is
        // that association, the first step's comment the payload
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="xss-flow" name="脚本测试" isExecutable="true" camunda:candidateStarterGroups="role:LeadingGroup">
                <bpmn:extensionElements><camunda:properties><camunda:property name="caseSubject" value="association" /><camunda:property name="protectedVariables" value="{ReviewModel.CaseFacts}" /></camunda:properties></bpmn:extensionElements>
                <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="first" />
                <bpmn:userTask id="first" name="初审" camunda:assignee="leading">{ReviewModel.Form("first")}</bpmn:userTask><bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
                <bpmn:userTask id="second" name="{SecurityElement.Escape(Payload)}" camunda:assignee="leading">{ReviewModel.Form("second")}</bpmn:userTask><bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="e" />
                <bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        await JsonAsync(await api.PostAsync("/api/definitions?name=xss-flow.bpmn", new() { Data = xml, Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" } }));
        var instanceId = (await JsonAsync(await api.PostAsync("/api/instances", new() { DataObject = new { key = "xss-flow", businessKey = associationId.ToString() } }))).GetProperty("id").GetGuid();
        Guid TaskOf(JsonElement inbox, string elementId) => inbox.GetProperty("items").EnumerateArray()
            .First(t => t.GetProperty("instanceId").GetGuid() == instanceId && t.GetProperty("elementId").GetString() == elementId).GetProperty("id").GetGuid();
        var first = TaskOf(await JsonAsync(await api.GetAsync("/api/tasks?take=1000")), "first");
        var completed = await api.PostAsync($"/api/tasks/{first}/complete", new() { DataObject = new { outcome = "approve", comment = Payload } });
        Assert.Equal(204, completed.Status);
        var second = TaskOf(await JsonAsync(await api.GetAsync("/api/tasks?take=1000")), "second");

        // the association's own staff write the payload into their checklist notes
        var staff = await platform.Browser.SignInAsync(platform.Host.Url, "assoc.ceramics");
        var own = (await JsonAsync(await staff.APIRequest.GetAsync("/api/register"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var checklist = await staff.APIRequest.GetAsync($"/api/associations/{own}/checklist");
        if (!checklist.Ok)
        {
            // the supervisory unit sets the checklist up from the template; the association then fills it in
            var unitClerk = await platform.Browser.SignInAsync(platform.Host.Url, "jxj");
            await JsonAsync(await unitClerk.APIRequest.PostAsync($"/api/associations/{own}/checklist"));
            checklist = await staff.APIRequest.GetAsync($"/api/associations/{own}/checklist");
        }

        var items = (await JsonAsync(checklist)).GetProperty("items");
        var item = items[0];
        await JsonAsync(await staff.APIRequest.PutAsync($"/api/associations/{own}/checklist/items/{item.GetProperty("id").GetGuid()}", new()
        {
            DataObject = new { situationBefore = Payload, separationMeasure = Payload, responsibleUnit = Payload, responsiblePerson = "张三" },
        }));

        // the register page of the association
        await leading.GotoAsync($"/register/{associationId}");
        await Assertions.Expect(leading.Locator("#association-name")).ToHaveTextAsync(name, new() { Timeout = 30_000 });
        await AssertNoScriptRanAsync(leading);

        // the instance page: the journal holds the comment
        await leading.GotoAsync($"/instances/{instanceId}");
        await Assertions.Expect(leading.Locator("body")).ToContainTextAsync(Payload, Slow);
        await AssertNoScriptRanAsync(leading);

        // the task page: its name, the case (the association's name) and the earlier step's comment
        await leading.GotoAsync($"/tasks/{second}");
        await Assertions.Expect(leading.Locator("#task-title")).ToHaveTextAsync(Payload, new() { Timeout = 30_000 });
        await Assertions.Expect(leading.Locator("body")).ToContainTextAsync(name, Slow);
        await Assertions.Expect(leading.Locator("body")).ToContainTextAsync("· " + Payload, Slow);
        await AssertNoScriptRanAsync(leading);

        // the inbox lists the task by its name
        await leading.GotoAsync("/tasks");
        await Assertions.Expect(leading.Locator("body")).ToContainTextAsync(Payload, Slow);
        await AssertNoScriptRanAsync(leading);

        // the portal shows the notes in the fields the association edits
        await staff.GotoAsync("/portal");
        await Assertions.Expect(staff.Locator("textarea").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var values = await staff.Locator("textarea, input").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains(Payload, values);
        await AssertNoScriptRanAsync(staff);

        // the user list shows a display name the system administrator typed
        var admin = await platform.Browser.SignInAsync(platform.Host.Url, "sysadmin");
        var user = await admin.APIRequest.PostAsync("/api/users", new() { DataObject = new { userName = "xss.user", displayName = Payload, password = "Luozhuang#2026" } });
        Assert.Equal(201, user.Status);
        await admin.GotoAsync("/admin");
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync(Payload, Slow);
        await AssertNoScriptRanAsync(admin);

        foreach (var page in new[] { leading, staff, admin })
        {
            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        }

        await BrowserSession.ScreenshotAsync(leading, "30-script-in-text");
    }
}
