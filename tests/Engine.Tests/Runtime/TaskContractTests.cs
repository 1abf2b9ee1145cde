using System.Text.Json.Nodes;
using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Listeners;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>
/// A task's contract (camunda:formData) is enforced on every completion and start: only declared writable fields, of
/// their type and within their constraints, a declared outcome, a comment where the outcome asks for one; refused with
/// a code naming the field and nothing written.
/// </summary>
public sealed class TaskContractTests
{
    private static readonly Actor Wang = Actor.User("wang", "dept:czj");

    private const string ReviewForm = """
        <bpmn:extensionElements>
          <camunda:formData>
            <camunda:formField id="itemTitle" label="事项" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField>
            <camunda:formField id="amount" label="金额" type="long"><camunda:validation><camunda:constraint name="min" config="0" /><camunda:constraint name="max" config="100" /></camunda:validation></camunda:formField>
            <camunda:formField id="deadline" label="整改期限" type="date"><camunda:validation><camunda:constraint name="min" config="2026-01-01" /></camunda:validation></camunda:formField>
            <camunda:formField id="note" label="说明" type="string" defaultValue="无"><camunda:validation><camunda:constraint name="maxlength" config="10" /></camunda:validation></camunda:formField>
            <camunda:formField id="rectifyBy" label="补正期限" type="date"><camunda:validation><camunda:constraint name="requiredFor" config="return" /></camunda:validation></camunda:formField>
            <camunda:formField id="channel" label="申请渠道" type="string"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
            <camunda:formField id="outcome" label="审核结论" type="enum">
              <camunda:properties><camunda:property id="commentRequired" value="return,reject" /><camunda:property id="commentVariable" value="opinion" /></camunda:properties>
              <camunda:value id="approve" name="同意" /><camunda:value id="return" name="退回补正" /><camunda:value id="reject" name="不予同意" />
            </camunda:formField>
          </camunda:formData>
        </bpmn:extensionElements>
        """;

    private static string Review(string listeners = "", string extraProperties = "") => EngineHarness.Process(
        $"""
        <bpmn:startEvent id="S" />
        <bpmn:userTask id="R" name="部门审核" camunda:candidateGroups="dept:czj">{ReviewForm.Replace("</bpmn:extensionElements>", listeners + extraProperties + "</bpmn:extensionElements>", StringComparison.Ordinal)}</bpmn:userTask>
        <bpmn:exclusiveGateway id="G" />
        <bpmn:endEvent id="Approved" /><bpmn:endEvent id="Returned" /><bpmn:endEvent id="Refused" />
        {EngineHarness.Flows("S->R", "R->G")}
        <bpmn:sequenceFlow id="toApproved" sourceRef="G" targetRef="Approved"><bpmn:conditionExpression>{"${outcome == 'approve'}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toReturned" sourceRef="G" targetRef="Returned"><bpmn:conditionExpression>{"${outcome == 'return'}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toRefused" sourceRef="G" targetRef="Refused"><bpmn:conditionExpression>{"${outcome == 'reject'}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        """, rootElements: "", key: "p").Replace("<bpmn:process id=\"p\" name=\"p\" isExecutable=\"true\">",
        "<bpmn:process id=\"p\" name=\"p\" isExecutable=\"true\"><bpmn:extensionElements><camunda:properties><camunda:property name=\"protectedVariables\" value=\"associationId\" /></camunda:properties></bpmn:extensionElements>", StringComparison.Ordinal);

    private static async Task<(EngineHarness H, ProcessInstance Instance, HumanTask Task)> StartReviewAsync(EngineExtensions? extensions = null, string listeners = "")
    {
        var h = new EngineHarness(extensions);
        await h.DeployAsync(Review(listeners));
        var instance = await h.Engine.StartAsync(new StartRequest("p") { CaseFacts = new JsonObject { ["associationId"] = "a-1", ["itemTitle"] = "取消主管关系", ["channel"] = "online" } }, Actor.User("starter"));
        return (h, instance, await h.SingleOpenTaskAsync(instance.Id, "R"));
    }

    private static async Task<EngineException> RefusedAsync(Func<Task> action) => await Assert.ThrowsAsync<EngineException>(action);

    private static async Task AssertNothingWrittenAsync(EngineHarness h, ProcessInstance instance, HumanTask task)
    {
        Assert.Equal(HumanTaskState.Open, (await h.Engine.Tasks.GetAsync(task.Id))!.State);
        var variables = await h.Engine.GetVariablesAsync(instance.Id);
        Assert.False(variables.ContainsKey("outcome"));
        Assert.Equal("a-1", variables["associationId"]!.GetValue<string>());
        Assert.Equal(["R"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task An_undeclared_variable_is_refused_naming_it_and_nothing_is_written()
    {
        var (h, instance, task) = await StartReviewAsync();
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", new JsonObject { ["supervisoryUnitCode"] = "jxj,assoc:x" }, null));
        Assert.Equal(EngineErrors.FormFieldUndeclared, refused.Error);
        Assert.Equal("supervisoryUnitCode", refused.Field);
        Assert.Contains("supervisoryUnitCode", refused.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(h, instance, task);
    }

    [Fact]
    public async Task A_protected_case_fact_cannot_be_overwritten_by_a_completion_or_a_readonly_field()
    {
        var (h, instance, task) = await StartReviewAsync();
        Assert.Equal(EngineErrors.FormFieldUndeclared, (await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", new JsonObject { ["associationId"] = "a-2" }, null))).Error);
        var readOnly = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", new JsonObject { ["itemTitle"] = "改名" }, null));
        Assert.Equal(EngineErrors.FormFieldReadonly, readOnly.Error);
        Assert.Contains("事项", readOnly.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(h, instance, task);
    }

    [Theory]
    [InlineData("amount", "\"12\"", "ENGINE_FORM_FIELD_TYPE")]
    [InlineData("amount", "101", "ENGINE_FORM_FIELD_MAX")]
    [InlineData("amount", "-1", "ENGINE_FORM_FIELD_MIN")]
    [InlineData("amount", "1.5", "ENGINE_FORM_FIELD_TYPE")]
    [InlineData("deadline", "\"2025-12-31\"", "ENGINE_FORM_FIELD_MIN")]
    [InlineData("deadline", "\"31/12/2026\"", "ENGINE_FORM_FIELD_TYPE")]
    [InlineData("note", "\"一二三四五六七八九十十一\"", "ENGINE_FORM_FIELD_MAX_LENGTH")]
    [InlineData("note", "true", "ENGINE_FORM_FIELD_TYPE")]
    public async Task A_value_of_the_wrong_type_or_outside_its_constraints_is_refused(string field, string json, string code)
    {
        var (h, instance, task) = await StartReviewAsync();
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", new JsonObject { [field] = JsonNode.Parse(json) }, null));
        Assert.Equal(code, refused.Code);
        Assert.Equal(field, refused.Field);
        Assert.Equal(EngineErrorKind.Invalid, refused.Kind);
        await AssertNothingWrittenAsync(h, instance, task);
    }

    [Fact]
    public async Task An_outcome_must_be_one_the_task_declares()
    {
        var (h, instance, task) = await StartReviewAsync();
        Assert.Equal(EngineErrors.FormOutcomeInvalid, (await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "pass", null, null))).Error);
        var missing = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, null, null, null));
        Assert.Equal(EngineErrors.FormOutcomeRequired, missing.Error);
        Assert.Contains("不予同意", missing.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(h, instance, task);
    }

    [Fact]
    public async Task A_refusal_needs_a_comment_and_the_comment_becomes_the_opinion_variable()
    {
        var (h, instance, task) = await StartReviewAsync();
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "reject", null, "  "));
        Assert.Equal(EngineErrors.CommentRequired, refused.Error);
        Assert.Contains("不予同意", refused.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(h, instance, task);

        await h.Engine.Tasks.CompleteAsync(task.Id, Wang, "reject", new JsonObject { ["amount"] = 3 }, "资产清单不全，不同意。");
        var variables = await h.Engine.GetVariablesAsync(instance.Id);
        Assert.Equal("reject", variables["outcome"]!.GetValue<string>());
        Assert.Equal("资产清单不全，不同意。", variables["opinion"]!.GetValue<string>());
        Assert.Equal(3, variables["amount"]!.GetValue<long>());
        Assert.Equal("无", variables["note"]!.GetValue<string>());
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
        var journal = await h.Engine.GetJournalAsync(instance.Id);
        Assert.Contains(journal, j => j.Kind == "completed" && j.ElementId == "Refused");
        Assert.DoesNotContain(journal, j => j.Kind == "completed" && j.ElementId == "Approved");
    }

    [Fact]
    public async Task A_field_required_with_one_outcome_is_refused_only_with_that_outcome()
    {
        var (h, instance, task) = await StartReviewAsync();
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "return", new JsonObject { ["rectifyBy"] = " " }, "请补充清单"));
        Assert.Equal(EngineErrors.FormFieldRequiredFor, refused.Error);
        Assert.Equal("rectifyBy", refused.Field);
        Assert.Contains("选择“退回补正”时须填写“补正期限”", refused.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(h, instance, task);

        await h.Engine.Tasks.CompleteAsync(task.Id, Wang, "return", new JsonObject { ["rectifyBy"] = "2026-05-31" }, "请补充清单");
        Assert.Equal("2026-05-31", (await h.Engine.GetVariablesAsync(instance.Id))["rectifyBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_left_out_keeps_the_value_the_form_showed_and_is_refused_when_it_shows_none()
    {
        var (h, instance, task) = await StartReviewAsync();
        await h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", null, null);
        Assert.Equal("online", (await h.Engine.GetVariablesAsync(instance.Id))["channel"]!.GetValue<string>());

        var bare = new EngineHarness();
        await bare.DeployAsync(Review());
        var started = await bare.Engine.StartAsync(new StartRequest("p") { CaseFacts = new JsonObject { ["associationId"] = "a-1" } }, Actor.User("starter"));
        var open = await bare.SingleOpenTaskAsync(started.Id, "R");
        var refused = await RefusedAsync(() => bare.Engine.Tasks.CompleteAsync(open.Id, Wang, "approve", null, null));
        Assert.Equal(EngineErrors.FormFieldRequired, refused.Error);
        Assert.Equal("channel", refused.Field);
    }

    [Fact]
    public async Task The_outcome_may_also_come_inside_the_variables_but_not_contradict_the_outcome()
    {
        var (h, instance, task) = await StartReviewAsync();
        Assert.Equal(EngineErrors.FormOutcomeInvalid,
            (await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", new JsonObject { ["outcome"] = "reject" }, "x"))).Error);
        await h.Engine.Tasks.CompleteAsync(task.Id, Wang, null, new JsonObject { ["outcome"] = "approve" }, null);
        Assert.Equal("approve", (await h.Engine.GetVariablesAsync(instance.Id))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_start_by_someone_outside_the_starter_groups_is_refused_and_form_variables_cannot_set_facts()
    {
        var h = new EngineHarness();
        await h.DeployAsync(EngineHarness.Process(
            """
            <bpmn:extensionElements><camunda:properties><camunda:property name="protectedVariables" value="associationId" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="S"><bpmn:extensionElements><camunda:formData><camunda:formField id="title" label="标题" type="string"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:startEvent>
            <bpmn:userTask id="A" camunda:assignee="u" /><bpmn:endEvent id="E" />
            """ + EngineHarness.Flows("S->A", "A->E")).Replace("isExecutable=\"true\">", "isExecutable=\"true\" camunda:candidateStarterGroups=\"role:SupervisoryUnit\">", StringComparison.Ordinal));

        var forbidden = await RefusedAsync(() => h.Engine.StartAsync("p", null, new JsonObject { ["title"] = "x" }, Actor.User("assoc", "role:AssociationStaff")));
        Assert.Equal(EngineErrors.StartForbidden, forbidden.Error);
        var unit = Actor.User("jxj", "role:SupervisoryUnit");
        Assert.Equal(EngineErrors.FormFieldRequired, (await RefusedAsync(() => h.Engine.StartAsync("p", null, null, unit))).Error);
        Assert.Equal(EngineErrors.FormFieldUndeclared,
            (await RefusedAsync(() => h.Engine.StartAsync("p", null, new JsonObject { ["title"] = "x", ["associationId"] = "other" }, unit))).Error);
        Assert.Empty(await h.Engine.ListInstancesAsync());

        var started = await h.Engine.StartAsync(new StartRequest("p") { FormVariables = new JsonObject { ["title"] = "报告" }, CaseFacts = new JsonObject { ["associationId"] = "a-1" } }, unit);
        var variables = await h.Engine.GetVariablesAsync(started.Id);
        Assert.Equal("a-1", variables["associationId"]!.GetValue<string>());
        Assert.Equal("报告", variables["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_form_a_task_takes_free_variables_but_never_a_protected_one()
    {
        var h = new EngineHarness();
        await h.DeployAsync(EngineHarness.Process(
            """
            <bpmn:extensionElements><camunda:properties><camunda:property name="protectedVariables" value="associationId" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="S" /><bpmn:userTask id="A" camunda:assignee="u" /><bpmn:endEvent id="E" />
            """ + EngineHarness.Flows("S->A", "A->E")));
        var instance = await h.Engine.StartAsync(new StartRequest("p") { CaseFacts = new JsonObject { ["associationId"] = "a-1" } }, Actor.User("s"));
        var task = await h.SingleOpenTaskAsync(instance.Id, "A");
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Actor.User("u"), null, new JsonObject { ["associationId"] = "a-2" }, null));
        Assert.Equal(EngineErrors.VariableProtected, refused.Error);
        Assert.Equal(EngineErrors.VariableProtected, (await RefusedAsync(() => h.Engine.StartAsync("p", null, new JsonObject { ["associationId"] = "x" }, Actor.User("s")))).Error);
        await h.Engine.Tasks.CompleteAsync(task.Id, Actor.User("u"), "done", new JsonObject { ["anything"] = 1 }, null);
        Assert.Equal(1, (await h.Engine.GetVariablesAsync(instance.Id))["anything"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_completion_check_of_the_definition_refuses_with_its_reason_and_an_unknown_check_refuses_too()
    {
        var check = new RefusingListener("checklistComplete", "第 3 项“资产清查”尚未填写");
        var listener = """<camunda:taskListener event="complete" delegateExpression="${checklistComplete}" />""";
        var (h, instance, task) = await StartReviewAsync(new EngineExtensions { TaskListeners = [check] }, listener);
        var refused = await RefusedAsync(() => h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", null, null));
        Assert.Equal(EngineErrors.TaskRefused, refused.Error);
        Assert.Equal("第 3 项“资产清查”尚未填写", refused.Message);
        Assert.Equal("approve", check.SeenOutcome);
        await AssertNothingWrittenAsync(h, instance, task);

        check.Reason = null;
        await h.Engine.Tasks.CompleteAsync(task.Id, Wang, "approve", null, null);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));

        var (h2, instance2, task2) = await StartReviewAsync(null, listener);
        Assert.Equal(EngineErrors.TaskListenerUnknown, (await RefusedAsync(() => h2.Engine.Tasks.CompleteAsync(task2.Id, Wang, "approve", null, null))).Error);
        await AssertNothingWrittenAsync(h2, instance2, task2);
    }

    [Fact]
    public async Task A_task_is_handed_only_to_someone_who_could_have_had_it()
    {
        var directory = new Directory(new Dictionary<string, Actor>
        {
            ["zhao"] = Actor.User("zhao", "dept:czj"),
            ["assoc"] = Actor.User("assoc", "assoc:a-1"),
            ["leader"] = Actor.User("leader", "role:LeadingGroup"),
        });
        var (h, instance, task) = await StartReviewAsync(new EngineExtensions { Directory = directory });
        var toApplicant = await RefusedAsync(() => h.Engine.Tasks.TransferAsync(task.Id, Wang, "assoc", null));
        Assert.Equal(EngineErrors.TargetNotEligible, toApplicant.Error);
        Assert.Contains("转办", toApplicant.Message, StringComparison.Ordinal);
        Assert.Equal(EngineErrors.TargetUserInvalid, (await RefusedAsync(() => h.Engine.Tasks.DelegateAsync(task.Id, Wang, "nobody", null))).Error);
        Assert.Equal(EngineErrors.TargetNotEligible, (await RefusedAsync(() => h.Engine.Tasks.AddSignersAsync(task.Id, Wang, ["assoc"], SignerPosition.Before, null))).Error);
        Assert.Null((await h.Engine.Tasks.GetAsync(task.Id))!.Assignee);

        await h.Engine.Tasks.TransferAsync(task.Id, Wang, "zhao", "请赵处办理");
        Assert.Equal("zhao", (await h.Engine.Tasks.GetAsync(task.Id))!.Assignee);
    }

    [Fact]
    public async Task A_node_may_name_groups_its_tasks_can_also_be_transferred_to()
    {
        var directory = new Directory(new Dictionary<string, Actor> { ["leader"] = Actor.User("leader", "role:LeadingGroup") });
        var h = new EngineHarness(new EngineExtensions { Directory = directory });
        await h.DeployAsync(Review(extraProperties: """<camunda:properties><camunda:property name="transferTo" value="role:LeadingGroup" /></camunda:properties>"""));
        var instance = await h.Engine.StartAsync(new StartRequest("p") { CaseFacts = new JsonObject { ["associationId"] = "a-1" } }, Actor.User("s"));
        var task = await h.SingleOpenTaskAsync(instance.Id, "R");
        await h.Engine.Tasks.TransferAsync(task.Id, Wang, "leader", null);
        Assert.Equal("leader", (await h.Engine.Tasks.GetAsync(task.Id))!.Assignee);
    }

    [Fact]
    public async Task Details_show_the_form_with_values_the_outcomes_and_only_the_operations_the_reader_may_perform()
    {
        var (h, instance, task) = await StartReviewAsync();
        var details = await h.Engine.Tasks.DetailsAsync(task.Id, Wang);
        Assert.True(details.HasForm);
        Assert.Equal(["itemTitle", "amount", "deadline", "note", "rectifyBy", "channel"], details.Fields.Select(f => f.Id));
        Assert.Equal(["return"], details.Fields[4].RequiredFor);
        Assert.Equal("online", details.Fields[5].Value!.GetValue<string>());
        Assert.Equal("取消主管关系", details.Fields[0].Value!.GetValue<string>());
        Assert.True(details.Fields[0].Readonly);
        Assert.Equal("无", details.Fields[3].Value!.GetValue<string>());
        Assert.Equal(["approve", "return", "reject"], details.Outcomes.Select(o => o.Id));
        Assert.Equal([false, true, true], details.Outcomes.Select(o => o.CommentRequired));
        Assert.Contains(TaskOperation.Complete, details.Operations);
        Assert.Contains(TaskOperation.Claim, details.Operations);
        Assert.DoesNotContain(TaskOperation.Urge, details.Operations);
        Assert.DoesNotContain(TaskOperation.Return, details.Operations);

        var starter = await h.Engine.Tasks.DetailsAsync(task.Id, Actor.User("starter"));
        Assert.DoesNotContain(TaskOperation.Complete, starter.Operations);
        Assert.Contains(TaskOperation.Urge, starter.Operations);

        Assert.Equal(EngineErrors.TaskNotFound, (await RefusedAsync(() => h.Engine.Tasks.DetailsAsync(task.Id, Actor.User("li", "dept:other")))).Error);
    }

    private sealed class RefusingListener(string name, string? reason) : ITaskListener
    {
        public string Name { get; } = name;

        public string? Reason { get; set; } = reason;

        public string? SeenOutcome { get; private set; }

        public Task OnCompleteAsync(TaskListenerContext context, CancellationToken cancellationToken)
        {
            SeenOutcome = context.Outcome;
            return Reason is null ? Task.CompletedTask : throw TaskListenerContext.Refuse(Reason);
        }
    }

    private sealed class Directory(Dictionary<string, Actor> people) : IActorDirectory
    {
        public Task<Actor?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(people.GetValueOrDefault(userId) ?? (userId == "wang" ? Wang : null));
    }
}
