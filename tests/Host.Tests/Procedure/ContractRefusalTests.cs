using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// What issue 11 found open, tried again through the HTTP API as a hostile caller would: each attempt is refused with its
/// status, a stable code and a Chinese message naming what is wrong, and nothing is written.
/// </summary>
public sealed class ContractRefusalTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private PlatformFactory Platform => fixture.Factory;

    private WorkflowEngine Engine => Platform.Services.GetRequiredService<WorkflowEngine>();

    /// <summary>An association of the given unit with no case yet, and a staff account of its own (the seed has one for ceramics only).</summary>
    private async Task<(Guid Id, string Staff)> FreshAssociationAsync(string unitCode, Guid? except = null)
    {
        var (id, staff, _) = await new ScenarioPlatform(Platform).FreshAssociationAsync(unitCode, except);
        return (id, staff);
    }

    private async Task<JsonObject> VariablesAsync(Guid instanceId) => await Engine.GetVariablesAsync(instanceId);

    [Fact]
    public async Task Forged_and_undeclared_variables_on_a_completion_are_refused_and_nothing_is_written()
    {
        var (associationId, staff) = await FreshAssociationAsync("jxj");
        var (otherId, _) = await FreshAssociationAsync("jxj", except: associationId);
        var driver = new ProcedureDriver(Platform, associationId, staff);
        var instanceId = await driver.StartDecouplingAsync("jxj");
        var selfCheck = await driver.TaskAtAsync(instanceId, "selfCheck");
        var association = await driver.AsAsync(staff);
        await TestSupport.ProcedureScript.FillChecklistAsync(associationId, send => send(association));
        var before = (await VariablesAsync(instanceId)).ToJsonString();

        // the association tries to make itself a candidate of its unit's verification
        var forged = await association.PostAsJsonAsync($"/api/tasks/{selfCheck.Id}/complete",
            new { outcome = "submit", variables = new JsonObject { ["supervisoryUnitCode"] = $"jxj,assoc:{associationId}" } });
        var problem = await Problems.ExpectAsync(forged, HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_FIELD_UNDECLARED");
        Assert.Contains("supervisoryUnitCode", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // …or to move another association's checklist with its own self-check
        var other = await association.PostAsJsonAsync($"/api/tasks/{selfCheck.Id}/complete",
            new { outcome = "submit", variables = new JsonObject { ["associationId"] = otherId.ToString() } });
        await Problems.ExpectAsync(other, HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_FIELD_UNDECLARED");

        Assert.Equal(HumanTaskState.Open, (await Engine.Tasks.GetAsync(selfCheck.Id))!.State);
        Assert.Equal(before, (await VariablesAsync(instanceId)).ToJsonString());
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.False(await db.Checklists.AnyAsync(c => c.AssociationId == otherId && c.Items.Any(i => i.Status != ChecklistItemStatus.Draft)));
    }

    [Fact]
    public async Task An_unknown_outcome_and_a_return_without_its_reason_are_refused_naming_the_choices()
    {
        var (associationId, staff) = await FreshAssociationAsync("swj");
        var driver = new ProcedureDriver(Platform, associationId, staff);
        var instanceId = await driver.StartDecouplingAsync("swj");
        await driver.CompleteAsync(await driver.TaskAtAsync(instanceId, "selfCheck"));
        var verify = await driver.TaskAtAsync(instanceId, "verify");
        var unit = await driver.AsAsync("swj");

        var unknown = await Problems.ExpectAsync(await unit.PostAsJsonAsync($"/api/tasks/{verify.Id}/complete", new { outcome = "approve" }),
            HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_OUTCOME_INVALID");
        Assert.Contains("核实无误", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("退回协会修改", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var silent = await Problems.ExpectAsync(await unit.PostAsJsonAsync($"/api/tasks/{verify.Id}/complete", new { outcome = "return", comment = "  " }),
            HttpStatusCode.UnprocessableEntity, "ENGINE_COMMENT_REQUIRED");
        Assert.Contains("退回协会修改", silent["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HumanTaskState.Open, (await Engine.Tasks.GetAsync(verify.Id))!.State);
        Assert.False((await VariablesAsync(instanceId)).ContainsKey("verifyOpinion") && (await VariablesAsync(instanceId))["verifyOpinion"] is not null);

        // the task's contract is what the API shows: its outcomes, and which need a comment
        var details = await unit.GetFromJsonAsync<JsonObject>($"/api/tasks/{verify.Id}");
        var outcomes = details!["outcomes"]!.AsArray().Select(o => (o!["id"]!.GetValue<string>(), o["commentRequired"]!.GetValue<bool>())).ToList();
        Assert.Equal([("verify", false), ("return", true)], outcomes);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_or_outside_its_choices_is_refused_on_start_and_on_completion()
    {
        var registrar = await Platform.SignedInAsync("registrar");
        var countBefore = (await Engine.ListInstancesAsync(key: "registration", take: 10_000)).Count;

        var badMode = await registrar.PostAsJsonAsync("/api/instances", new
        {
            key = "registration",
            variables = new JsonObject { ["mode"] = "change", ["proposedName"] = "临沂市罗庄区物流行业协会" },
        });
        var problem = await Problems.ExpectAsync(badMode, HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_FIELD_ENUM");
        Assert.Contains("成立登记", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(countBefore, (await Engine.ListInstancesAsync(key: "registration", take: 10_000)).Count);

        var started = await registrar.PostAsJsonAsync("/api/instances", new
        {
            key = "registration",
            variables = new JsonObject { ["mode"] = "new", ["channel"] = "desk", ["proposedName"] = "临沂市罗庄区物流行业协会" },
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var intake = Assert.Single(await Engine.Tasks.OfInstanceAsync(instanceId), t => t.ElementId == "intake");

        var wrongType = await registrar.PostAsJsonAsync($"/api/tasks/{intake.Id}/complete",
            new { outcome = "accept", variables = new JsonObject { ["channel"] = "desk", ["inPersonVisit"] = "是" } });
        var typed = await Problems.ExpectAsync(wrongType, HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_FIELD_TYPE");
        Assert.Contains("inPersonVisit", typed["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HumanTaskState.Open, (await Engine.Tasks.GetAsync(intake.Id))!.State);
    }

    [Fact]
    public async Task Starts_by_a_non_starter_for_another_units_association_or_without_a_subject_are_refused()
    {
        var (swjAssociation, staff) = await FreshAssociationAsync("swj");
        var before = (await Engine.ListInstancesAsync(take: 10_000)).Count;

        // a department reviewer is not a starter of decoupling; a unit is not a starter of the evaluation
        var reviewer = await Platform.SignedInAsync("czj");
        await Problems.ExpectAsync(await reviewer.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = swjAssociation.ToString() }),
            HttpStatusCode.Forbidden, "ENGINE_START_FORBIDDEN");
        var unit = await Platform.SignedInAsync("jxj");
        await Problems.ExpectAsync(await unit.PostAsJsonAsync("/api/instances", new { key = "evaluation" }), HttpStatusCode.Forbidden, "ENGINE_START_FORBIDDEN");
        var association = await Platform.SignedInAsync(staff);
        await Problems.ExpectAsync(await association.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = swjAssociation.ToString() }),
            HttpStatusCode.Forbidden, "ENGINE_START_FORBIDDEN");

        // a unit starts only its own associations' cases, and the facts come from the register, never from the client
        await Problems.ExpectAsync(await unit.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = swjAssociation.ToString() }),
            HttpStatusCode.NotFound, "CASE_SUBJECT_NOT_FOUND");
        await Problems.ExpectAsync(await unit.PostAsJsonAsync("/api/instances", new { key = "decoupling" }),
            HttpStatusCode.UnprocessableEntity, "CASE_SUBJECT_REQUIRED");
        var (jxjAssociation, _) = await FreshAssociationAsync("jxj");
        await Problems.ExpectAsync(await unit.PostAsJsonAsync("/api/instances", new
        {
            key = "decoupling",
            businessKey = jxjAssociation.ToString(),
            variables = new JsonObject { ["associationId"] = swjAssociation.ToString() },
        }), HttpStatusCode.UnprocessableEntity, "ENGINE_FORM_FIELD_UNDECLARED");

        Assert.Equal(before, (await Engine.ListInstancesAsync(take: 10_000)).Count);
    }

    [Fact]
    public async Task A_task_is_handed_only_to_its_own_people_never_to_the_applicant()
    {
        var (associationId, staff) = await FreshAssociationAsync("zjj");
        var driver = new ProcedureDriver(Platform, associationId, staff);
        var instanceId = await driver.StartDecouplingAsync("zjj");
        await driver.CompleteAsync(await driver.TaskAtAsync(instanceId, "selfCheck"));
        var verify = await driver.TaskAtAsync(instanceId, "verify");
        var unit = await driver.AsAsync("zjj");

        var people = await unit.GetFromJsonAsync<JsonArray>($"/api/tasks/{verify.Id}/people?kind=Transfer");
        Assert.DoesNotContain(people!, p => p!["userName"]!.GetValue<string>() == staff);

        var problem = await Problems.ExpectAsync(await unit.PostAsJsonAsync($"/api/tasks/{verify.Id}/transfer", new { userName = staff, comment = "请协会自行核实" }),
            HttpStatusCode.UnprocessableEntity, "ENGINE_TARGET_NOT_ELIGIBLE");
        Assert.Contains(staff, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = (await Engine.Tasks.GetAsync(verify.Id))!;
        Assert.Equal(HumanTaskState.Open, after.State);
        Assert.NotEqual(staff, after.Assignee);
    }

    [Fact]
    public async Task Checklist_moves_follow_the_roles()
    {
        var (associationId, staff) = await FreshAssociationAsync("nyj");
        var driver = new ProcedureDriver(Platform, associationId, staff);
        await driver.TaskAtAsync(await driver.StartDecouplingAsync("nyj"), "selfCheck");
        var association = await driver.AsAsync(staff);
        await TestSupport.ProcedureScript.FillChecklistAsync(associationId, send => send(association));
        var item = (await association.GetFromJsonAsync<JsonObject>($"/api/associations/{associationId}/checklist/"))!["items"]!.AsArray()[0]!;
        var itemId = item["id"]!.GetValue<Guid>();
        var move = $"/api/associations/{associationId}/checklist/items/{itemId}/move";

        Assert.Equal(HttpStatusCode.OK, (await association.PostAsJsonAsync(move, new { to = "SelfChecked" })).StatusCode);
        // the association cannot verify its own item, and nobody moves an item into review by hand
        await Problems.ExpectAsync(await association.PostAsJsonAsync(move, new { to = "Verified" }), HttpStatusCode.Forbidden, "CHECKLIST_MOVE_FORBIDDEN");
        var unit = await driver.AsAsync("nyj");
        await Problems.ExpectAsync(await unit.PostAsJsonAsync(move, new { to = "InReview" }), HttpStatusCode.Forbidden, "CHECKLIST_MOVE_FORBIDDEN");
        // a department that is no party to the case does not even see the checklist
        var reviewer = await driver.AsAsync("czj");
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync(move, new { to = "Approved" })).StatusCode);

        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(ChecklistItemStatus.SelfChecked, (await db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId)).Status);
    }

    [Fact]
    public async Task The_cookie_of_a_signed_out_session_no_longer_opens_anything()
    {
        var client = await Platform.SignedInAsync("czj");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        Assert.True((await client.PostAsync("/api/auth/logout", null)).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task A_huge_string_in_a_published_condition_becomes_an_incident_not_a_gigabyte()
    {
        const string model = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="huge-string" name="超长字符串" isExecutable="true" camunda:candidateStarterGroups="role:LeadingGroup">
                <bpmn:extensionElements><camunda:properties><camunda:property name="caseSubject" value="district" /></camunda:properties></bpmn:extensionElements>
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g" />
                <bpmn:exclusiveGateway id="g" default="f3" />
                <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="end"><bpmn:conditionExpression>${'x'.repeat(1 &lt;&lt; 28).length &gt; 0}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var leading = await Platform.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=huge-string.bpmn", new StringContent(model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var started = await leading.PostAsJsonAsync("/api/instances", new { key = "huge-string", businessKey = "huge" });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var incident = Assert.Single(await Engine.OpenIncidentsAsync(instanceId));
        Assert.Equal("f2", incident.ElementId);
        Assert.StartsWith("EXPR_", incident.Code, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", incident.Message);
        // 2^28 UTF-16 characters would be 512 MB; the sandbox stops far below that
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore < 64L * 1024 * 1024);
    }
}
