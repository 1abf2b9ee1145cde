using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.Api;

/// <summary>The inbox API across departments, on both providers (subclasses below).</summary>
public abstract class TaskApiTests(PlatformFactory platform)
{
    private const string Key = "api-two-steps";

    // the leading group and the supervisory units start it for an association; 编办 then 财政 review, each its one outcome 同意
    private static readonly string TwoSteps = ReviewModel.Sequential(Key, "两部门审核", "role:LeadingGroup,role:SupervisoryUnit",
        ("staffing", "编办审核", "dept:bb"), ("finance", "财政审核", "dept:czj"));

    private async Task DeployAsync()
    {
        var leading = await platform.SignedInAsync("leading");
        var deployed = await leading.PostAsync("/api/definitions?name=two.bpmn", new StringContent(TwoSteps, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }

    private async Task<(Guid InstanceId, Guid TaskId)> StartAsync()
    {
        await DeployAsync();
        var leading = await platform.SignedInAsync("leading");
        var association = await platform.AssociationWithoutOpenCaseAsync(Key);
        var started = await leading.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = association.Id.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var bb = await platform.SignedInAsync("bb");
        var inbox = await bb.GetFromJsonAsync<JsonObject>("/api/tasks");
        var task = inbox!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        return (instanceId, task!["id"]!.GetValue<Guid>());
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();

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
    public async Task A_completion_writes_only_what_the_form_declares_and_a_refusal_leaves_the_task_open()
    {
        var (instanceId, taskId) = await StartAsync();
        var staffing = await platform.SignedInAsync("bb");
        var leading = await platform.SignedInAsync("leading");
        var unit = (await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["variables"]!["supervisoryUnitCode"]!.GetValue<string>();

        // a variable the form does not declare, a case fact it shows read-only, a protected fact it does not show, an outcome it does not offer
        var undeclared = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { budget = 100 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, undeclared.StatusCode);
        var problem = await undeclared.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("ENGINE_FORM_FIELD_UNDECLARED", problem!["code"]!.GetValue<string>());
        Assert.Contains("budget", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var readOnly = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { associationName = "另一协会" } });
        Assert.Equal("ENGINE_FORM_FIELD_READONLY", await CodeOfAsync(readOnly));
        var protectedFact = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { supervisoryUnitCode = unit == "swj" ? "jxj" : "swj" } });
        Assert.Equal("ENGINE_FORM_FIELD_UNDECLARED", await CodeOfAsync(protectedFact));
        var outcome = await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "reject" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outcome.StatusCode);
        Assert.Equal("ENGINE_FORM_OUTCOME_INVALID", await CodeOfAsync(outcome));

        // nothing was written: the task is still the department's, and the declared answer completes it with the opinion
        Assert.Equal(HttpStatusCode.OK, (await staffing.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staffing.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", comment = "同意，编制已核" })).StatusCode);
        var variables = (await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["variables"]!;
        Assert.Equal("同意，编制已核", variables["staffingOpinion"]!.GetValue<string>());
        Assert.Null(variables["budget"]);
        Assert.Equal(unit, variables["supervisoryUnitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supervisory_unit_starts_cases_only_for_its_own_associations()
    {
        await DeployAsync();
        var jxj = await platform.SignedInAsync("jxj");
        var own = await platform.AssociationWithoutOpenCaseAsync(Key, a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var other = await platform.AssociationWithoutOpenCaseAsync(Key, a => a.SupervisoryUnitId == platform.UnitId("swj"));

        // another unit's association is not even confirmed to exist
        var foreign = await jxj.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("CASE_SUBJECT_NOT_FOUND", await CodeOfAsync(foreign));

        // the case's facts come from the register, never from the client
        var forged = await jxj.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = own.Id.ToString(), variables = new { associationName = "伪造的协会" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal("ENGINE_VARIABLE_PROTECTED", await CodeOfAsync(forged));
        var started = await jxj.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = own.Id.ToString() });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var variables = (await jxj.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["variables"]!;
        Assert.Equal(own.Name, variables["associationName"]!.GetValue<string>());
        Assert.Equal("jxj", variables["supervisoryUnitCode"]!.GetValue<string>());

        // neither a reviewer nor the registration window is among the process's starters: both are refused before the
        // register is read, so neither learns whether the association exists
        var reviewer = await (await platform.SignedInAsync("czj")).PostAsJsonAsync("/api/instances", new { key = Key, businessKey = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal("ENGINE_START_FORBIDDEN", await CodeOfAsync(reviewer));
        var window = await (await platform.SignedInAsync("registrar")).PostAsJsonAsync("/api/instances", new { key = Key, businessKey = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, window.StatusCode);
        Assert.Equal("ENGINE_START_FORBIDDEN", await CodeOfAsync(window));
    }

    [Fact]
    public async Task The_system_administrator_repairs_a_case_but_decides_nothing_in_it()
    {
        await DeployAsync();
        var jxj = await platform.SignedInAsync("jxj");
        var association = await platform.AssociationWithoutOpenCaseAsync(Key, a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var started = await jxj.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = association.Id.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var taskId = (await (await platform.SignedInAsync("bb")).GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId)!["id"]!.GetValue<Guid>();
        var sysadmin = await platform.SignedInAsync("sysadmin");

        // the engine's operator corrects a variable, journaled with the reason
        var repaired = await sysadmin.PostAsJsonAsync($"/api/instances/{instanceId}/variables", new { values = new { archiveNumber = "LZ-2026-001" }, comment = "补录档案号" });
        Assert.Equal(HttpStatusCode.NoContent, repaired.StatusCode);
        var leading = await platform.SignedInAsync("leading");
        Assert.Equal("LZ-2026-001", (await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["variables"]!["archiveNumber"]!.GetValue<string>());

        // but works no task, ends no case and starts none (三员分立)
        var complete = await sysadmin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", comment = "同意" });
        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
        Assert.Equal("ENGINE_TASK_FORBIDDEN", await CodeOfAsync(complete));
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);
        var cancel = await sysadmin.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "管理员终止" });
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal("CANCEL_FORBIDDEN", await CodeOfAsync(cancel));
        var other = await platform.AssociationWithoutOpenCaseAsync(Key);
        var start = await sysadmin.PostAsJsonAsync("/api/instances", new { key = Key, businessKey = other.Id.ToString() });
        Assert.NotEqual(HttpStatusCode.Created, start.StatusCode);
        Assert.Contains(await CodeOfAsync(start), new[] { "CASE_SUBJECT_NOT_FOUND", "ENGINE_START_FORBIDDEN" });

        // the task is still the department's to decide
        var open = (await (await platform.SignedInAsync("bb")).GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray();
        Assert.Contains(open, t => t!["id"]!.GetValue<Guid>() == taskId);

        // whoever started the case may withdraw it, with a reason (the leading group's termination: the test below)
        var withoutReason = await jxj.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal("CANCEL_REASON_REQUIRED", await CodeOfAsync(withoutReason));
        var ended = await jxj.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "协会已注销，撤回申请" });
        Assert.True(ended.StatusCode == HttpStatusCode.NoContent, await ended.Content.ReadAsStringAsync());
        Assert.Equal("Cancelled", (await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_leading_group_ends_a_case_a_unit_started_with_a_reason()
    {
        await DeployAsync();
        var association = await platform.AssociationWithoutOpenCaseAsync(Key, a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var started = await (await platform.SignedInAsync("jxj")).PostAsJsonAsync("/api/instances", new { key = Key, businessKey = association.Id.ToString() });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var leading = await platform.SignedInAsync("leading");

        var withoutReason = await leading.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "" });
        Assert.Equal("CANCEL_REASON_REQUIRED", await CodeOfAsync(withoutReason));
        var ended = await leading.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "协会已注销，终止办理" });
        Assert.True(ended.StatusCode == HttpStatusCode.NoContent, await ended.Content.ReadAsStringAsync());
        Assert.Equal("Cancelled", (await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["state"]!.GetValue<string>());
        Assert.DoesNotContain((await (await platform.SignedInAsync("bb")).GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray(),
            t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
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
