using System.Text.Json.Nodes;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Workflows.Tests.Scenarios;

/// <summary>
/// Human operations on the real flows (issue 4's further scenarios): a plan withdrawn by the unit while the leading
/// group has not touched it, a review transferred within the leading group, and a redesigned item-review published as
/// version 2 while a version-1 case finishes on version 1.
/// </summary>
public sealed class FlowScenarioTests
{
    private static readonly Actor Unit = Actor.User("jxj", "dept:jxj", "role:SupervisoryUnit");
    private static readonly Actor Association = Actor.User("assoc.ceramics", "assoc:a-ceramics", "role:AssociationStaff");
    private static readonly Actor Leading = Actor.User("leading", "dept:fgj", "role:LeadingGroup");
    private static readonly Actor LeadingMz = Actor.User("leading.mz", "dept:mzj", "role:LeadingGroup");

    private static JsonObject Json(string flow, string name, string part) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Simulations, flow, $"{name}.{part}.json")))!;

    private static async Task<WorkflowEngine> EngineAsync(JsonObject services)
    {
        var engine = new WorkflowEngine(new InMemoryEngineStore(), new AnswerDispatcher(services),
            clock: new VirtualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))), extensions: PassingChecks.Extensions());
        foreach (var flow in RepositoryFiles.FlowKeys)
        {
            await engine.DeployAsync(RepositoryFiles.ReadFlow(flow), flow + ".bpmn", "test");
        }

        return engine;
    }

    private static async Task<HumanTask> OpenAsync(WorkflowEngine engine, Guid root, string elementId)
    {
        while (await engine.RunDueJobsAsync() > 0)
        {
        }

        return (await engine.Tasks.OfInstanceAsync(root)).Single(t => t.ElementId == elementId && t.State == HumanTaskState.Open);
    }

    private static async Task CompleteAsync(WorkflowEngine engine, Guid root, string elementId, Actor actor, string outcome)
    {
        var task = await OpenAsync(engine, root, elementId);
        await engine.Tasks.CompleteAsync(task.Id, actor, outcome, null, null);
    }

    private static async Task<Guid> PlanSubmittedAsync(WorkflowEngine engine)
    {
        var facts = Json("decoupling", "plan-returned-twice", "vars");
        facts.Remove("startNote");
        var instance = await engine.StartAsync(new StartRequest("decoupling") { BusinessKey = "a-ceramics", CaseFacts = facts }, Unit);
        await CompleteAsync(engine, instance.Id, "selfCheck", Association, "submit");
        await CompleteAsync(engine, instance.Id, "verify", Unit, "verify");
        await CompleteAsync(engine, instance.Id, "sealAssociation", Association, "confirm");
        await CompleteAsync(engine, instance.Id, "sealUnit", Unit, "confirm");
        await CompleteAsync(engine, instance.Id, "editPlan", Unit, "submit");
        return instance.Id;
    }

    [Fact]
    public async Task The_unit_withdraws_its_submitted_plan_before_the_leading_group_touches_it()
    {
        var engine = await EngineAsync((JsonObject)Json("decoupling", "plan-returned-twice", "answers")["services"]!);
        var root = await PlanSubmittedAsync(engine);
        var submitted = (await engine.Tasks.OfInstanceAsync(root)).Single(t => t.ElementId == "editPlan");
        var review = await OpenAsync(engine, root, "officeReview");

        await engine.Tasks.WithdrawAsync(submitted.Id, Unit, "补充分离措施");

        var tasks = await engine.Tasks.OfInstanceAsync(root);
        Assert.Equal(HumanTaskState.Cancelled, tasks.Single(t => t.Id == review.Id).State);
        var again = Assert.Single(tasks, t => t.ElementId == "editPlan" && t.State == HumanTaskState.Open);
        Assert.Equal("jxj", again.Assignee);
        Assert.Contains(await engine.GetJournalAsync(root), j => j.Kind == "task-withdrawn" && j.Actor == "jxj" && j.Comment == "补充分离措施");
    }

    [Fact]
    public async Task Withdrawal_is_refused_once_the_leading_group_has_claimed_the_review()
    {
        var engine = await EngineAsync((JsonObject)Json("decoupling", "plan-returned-twice", "answers")["services"]!);
        var root = await PlanSubmittedAsync(engine);
        var submitted = (await engine.Tasks.OfInstanceAsync(root)).Single(t => t.ElementId == "editPlan");
        await engine.Tasks.ClaimAsync((await OpenAsync(engine, root, "officeReview")).Id, Leading);

        var refused = await Assert.ThrowsAsync<EngineException>(() => engine.Tasks.WithdrawAsync(submitted.Id, Unit, null));
        Assert.Equal("ENGINE_WITHDRAW_TOO_LATE", refused.Code);
    }

    [Fact]
    public async Task The_plan_review_is_transferred_within_the_leading_group_and_approved_there()
    {
        var engine = await EngineAsync((JsonObject)Json("decoupling", "plan-returned-twice", "answers")["services"]!);
        var root = await PlanSubmittedAsync(engine);
        var review = await OpenAsync(engine, root, "officeReview");

        await engine.Tasks.TransferAsync(review.Id, Leading, "leading.mz", "民政局牵头审核");
        await Assert.ThrowsAsync<EngineException>(() => engine.Tasks.CompleteAsync(review.Id, Leading, "approve", null, null));
        await engine.Tasks.CompleteAsync(review.Id, LeadingMz, "approve", null, "同意");
        Assert.Equal("同意", (await engine.GetJournalAsync(root)).Last(j => j.Kind == "task-completed").Comment);

        while (await engine.RunDueJobsAsync() > 0)
        {
        }

        var tasks = await engine.Tasks.OfInstanceAsync(root);
        Assert.Equal("leading.mz", tasks.Single(t => t.Id == review.Id).CompletedBy);
        Assert.Contains(tasks, t => t.ElementId == "sReview" && t.State == HumanTaskState.Open);
    }

    [Fact]
    public async Task A_redesigned_item_review_runs_new_cases_while_a_version_1_case_finishes_on_version_1()
    {
        var answers = Json("item-review", "returned-for-correction", "answers");
        var engine = await EngineAsync((JsonObject)answers["services"]!);
        var variables = Json("item-review", "returned-for-correction", "vars");
        var first = await engine.StartAsync(new StartRequest("item-review") { BusinessKey = "a-ceramics", CaseFacts = (JsonObject)variables.DeepClone() }, Unit);
        await engine.RunDueJobsAsync();

        var v2 = await engine.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Redesign", "item-review-v2.bpmn")), "item-review.bpmn", "leading");
        Assert.Equal(2, Assert.Single(v2, d => d.Key == "item-review").Version);
        var second = await engine.StartAsync(new StartRequest("item-review") { BusinessKey = "a-ceramics", CaseFacts = (JsonObject)variables.DeepClone() }, Unit);

        foreach (var root in new[] { first.Id, second.Id })
        {
            for (var guard = 0; guard < 40; guard++)
            {
                var ran = await engine.RunDueJobsAsync();
                var open = (await engine.Tasks.OfInstanceAsync(root)).Where(t => t.State == HumanTaskState.Open).ToList();
                if (open.Count == 0 && ran == 0)
                {
                    break;
                }

                foreach (var task in open)
                {
                    await engine.Tasks.CompleteAsync(task.Id, Actor.System, "approve", null, null);
                }
            }
        }

        var firstDone = (await engine.GetInstanceAsync(first.Id))!;
        var secondDone = (await engine.GetInstanceAsync(second.Id))!;
        Assert.True(secondDone.State == InstanceState.Completed, string.Join(", ", (await engine.GetExecutionsAsync(second.Id)).Select(e => e.ElementId))
            + " | " + string.Join(", ", (await engine.OpenIncidentsAsync(second.Id)).Select(i => i.Message)));
        Assert.Equal((InstanceState.Completed, 1), (firstDone.State, firstDone.DefinitionVersion));
        Assert.Equal((InstanceState.Completed, 2), (secondDone.State, secondDone.DefinitionVersion));
        Assert.DoesNotContain(await engine.GetJournalAsync(first.Id), j => j.ElementId == "officeFiling");
        Assert.Contains(await engine.GetJournalAsync(second.Id), j => j.ElementId == "officeFiling" && j.Kind == "completed");
    }
}
