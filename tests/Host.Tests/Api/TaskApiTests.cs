using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Decoupling.Host.Tests.Api;

/// <summary>The inbox API across departments, on both providers (subclasses below).</summary>
public abstract class TaskApiTests(PlatformFactory platform)
{
    private const string TwoSteps = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">
          <bpmn:process id="api-two-steps" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="staffing" />
            <bpmn:userTask id="staffing" name="编办审核" camunda:candidateGroups="dept:bb" />
            <bpmn:sequenceFlow id="f2" sourceRef="staffing" targetRef="finance" />
            <bpmn:userTask id="finance" name="财政审核" camunda:candidateGroups="dept:czj" />
            <bpmn:sequenceFlow id="f3" sourceRef="finance" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<(Guid InstanceId, Guid TaskId)> StartAsync()
    {
        var leading = await platform.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=two.bpmn", new StringContent(TwoSteps, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var started = await leading.PostAsJsonAsync("/api/instances", new { key = "api-two-steps", businessKey = "case-" + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var bb = await platform.SignedInAsync("bb");
        var inbox = await bb.GetFromJsonAsync<JsonObject>("/api/tasks");
        var task = inbox!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        return (instanceId, task!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Another_department_neither_sees_nor_acts_on_the_task()
    {
        var (_, taskId) = await StartAsync();
        var finance = await platform.SignedInAsync("czj");

        var inbox = await finance.GetFromJsonAsync<JsonObject>("/api/tasks");
        Assert.DoesNotContain(inbox!["items"]!.AsArray(), t => t!["id"]!.GetValue<Guid>() == taskId);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);
    }

    [Fact]
    public async Task The_department_completes_then_withdraws_while_the_next_task_is_untouched()
    {
        var (instanceId, taskId) = await StartAsync();
        var staffing = await platform.SignedInAsync("bb");

        Assert.Equal(HttpStatusCode.NoContent, (await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", comment = "同意" })).StatusCode);
        var finance = await platform.SignedInAsync("czj");
        var next = (await finance.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        Assert.Equal("finance", next!["elementId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/withdraw", new { text = "补充意见" })).StatusCode);
        Assert.DoesNotContain((await finance.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray(), t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        var back = (await staffing.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        Assert.Equal("bb", back!["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_operation_answers_with_a_chinese_problem_and_a_stable_code()
    {
        var (_, taskId) = await StartAsync();
        var staffing = await platform.SignedInAsync("bb");

        var response = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/withdraw", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("ENGINE_WITHDRAW_NOT_YOURS", problem!["code"]!.GetValue<string>());
        Assert.Contains("撤回", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var transfer = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/transfer", new { userName = "nobody-here" });
        Assert.Equal("ENGINE_TARGET_USER_INVALID", (await transfer.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supervisory_unit_starts_cases_only_for_its_own_associations()
    {
        var jxj = await platform.SignedInAsync("jxj");
        var db = platform.Services.CreateScope().ServiceProvider.GetRequiredService<Decoupling.Domain.Persistence.PlatformDbContext>();
        var units = db.Departments.ToDictionary(d => d.Code, d => d.Id);
        var own = db.Associations.First(a => a.SupervisoryUnitId == units["jxj"]);
        var other = db.Associations.First(a => a.SupervisoryUnitId == units["swj"]);

        Assert.Equal(HttpStatusCode.NotFound, (await jxj.PostAsJsonAsync("/api/instances", new { key = "api-two-steps", businessKey = other.Id.ToString() })).StatusCode);
        var leading = await platform.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=two.bpmn", new StringContent(TwoSteps, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await jxj.PostAsJsonAsync("/api/instances", new { key = "api-two-steps", businessKey = own.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedInAsync("czj")).PostAsJsonAsync("/api/instances", new { key = "api-two-steps", businessKey = own.Id.ToString() })).StatusCode);
    }

    [Fact]
    public async Task Incidents_are_for_administrators()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedInAsync("leading")).GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await platform.SignedInAsync("sysadmin")).GetAsync("/api/incidents")).StatusCode);
    }
}

public sealed class SqliteTaskApiTests(SqlitePlatform fixture) : TaskApiTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresTaskApiTests(PostgresPlatform fixture) : TaskApiTests(fixture.Factory), IClassFixture<PostgresPlatform>;
