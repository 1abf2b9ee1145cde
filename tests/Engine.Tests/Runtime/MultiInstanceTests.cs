using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class MultiInstanceTests
{
    private static string Signing(string loopAttributes = "", string completion = "") => $"""
        <bpmn:startEvent id="S" />
        <bpmn:userTask id="Sign" camunda:assignee="{"${signer}"}">
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="{"${signers}"}" camunda:elementVariable="signer" {loopAttributes}>
            {(completion.Length == 0 ? "" : $"<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">{completion}</bpmn:completionCondition>")}
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        {UserTask("After")}
        <bpmn:endEvent id="E" />
        {Flows("S->Sign", "Sign->After", "After->E")}
        """;

    private static JsonObject Signers(params string[] users) => new() { ["signers"] = new JsonArray([.. users.Select(u => (JsonNode)u)]) };

    private static async Task CompleteAs(EngineHarness h, Guid instanceId, string user, string? outcome = null)
    {
        var task = Assert.Single(await h.OpenTasksAsync(instanceId), t => t.Assignee == user);
        await h.Engine.Tasks.CompleteAsync(task.Id, Decoupling.Engine.Services.Actor.User(user), outcome, null, null);
    }

    [Fact]
    public async Task Parallel_multi_instance_creates_one_task_per_element_assigned_by_the_element_variable()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Signing(), Signers("li", "wang", "zhao"));
        Assert.Equal(["li", "wang", "zhao"], (await h.OpenTasksAsync(instance.Id)).Select(t => t.Assignee));
        await CompleteAs(h, instance.Id, "wang");
        await CompleteAs(h, instance.Id, "li");
        Assert.DoesNotContain(await h.OpenTasksAsync(instance.Id), t => t.ElementId == "After");
        await CompleteAs(h, instance.Id, "zhao");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Sequential_multi_instance_runs_one_at_a_time_in_collection_order()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Signing("""isSequential="true" """), Signers("li", "wang", "zhao"));
        foreach (var user in new[] { "li", "wang", "zhao" })
        {
            var open = Assert.Single(await h.OpenTasksAsync(instance.Id));
            Assert.Equal(user, open.Assignee);
            await CompleteAs(h, instance.Id, user);
        }

        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Any_one_completion_condition_cancels_the_remaining_instances()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Signing(completion: "${nrOfCompletedInstances >= 1}"), Signers("li", "wang", "zhao"));
        var all = await h.OpenTasksAsync(instance.Id);
        await CompleteAs(h, instance.Id, "wang");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
        var states = (await h.Engine.Tasks.OfInstanceAsync(instance.Id)).Where(t => t.ElementId == "Sign").ToDictionary(t => t.Assignee!, t => t.State);
        Assert.Equal(HumanTaskState.Completed, states["wang"]);
        Assert.Equal(HumanTaskState.Cancelled, states["li"]);
        Assert.Equal(HumanTaskState.Cancelled, states["zhao"]);
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Pass_ratio_completes_as_soon_as_sixty_percent_approved()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Signing(completion: "${nrOfApproved / nrOfInstances >= 0.6}"), Signers("a", "b", "c", "d", "e"));
        await CompleteAs(h, instance.Id, "a", "approve");
        await CompleteAs(h, instance.Id, "b", "reject");
        await CompleteAs(h, instance.Id, "c", "approve");
        Assert.Equal(2, (await h.OpenTasksAsync(instance.Id)).Count);
        await CompleteAs(h, instance.Id, "d", "approve");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
        var variables = await h.Engine.GetVariablesAsync(instance.Id);
        Assert.Equal(3, variables["Sign_approved"]!.GetValue<int>());
        Assert.Equal(1, variables["Sign_rejected"]!.GetValue<int>());
    }

    [Fact]
    public async Task Multi_instance_call_activity_starts_one_child_per_element_and_waits_for_all()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="CS" />
            <bpmn:userTask id="C" camunda:assignee="{"${who}"}" />
            <bpmn:endEvent id="CE" />
            {Flows("CS->C", "C->CE")}
            """, key: "child"));
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:callActivity id="Call" calledElement="child">
              <bpmn:extensionElements><camunda:in source="reviewer" target="who" /></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="{"${signers}"}" camunda:elementVariable="reviewer" />
            </bpmn:callActivity>
            {UserTask("After")}
            <bpmn:endEvent id="E" />
            {Flows("S->Call", "Call->After", "After->E")}
            """));
        var parent = await h.StartAsync(variables: Signers("li", "wang"));
        var childTasks = (await h.Engine.Tasks.OfInstanceAsync(parent.Id)).Where(t => t.State == HumanTaskState.Open).ToList();
        Assert.Equal(["li", "wang"], childTasks.Select(t => t.Assignee).Order());
        Assert.All(childTasks, t => Assert.NotEqual(parent.Id, t.InstanceId));

        await h.Engine.Tasks.CompleteAsync(childTasks[0].Id, Decoupling.Engine.Services.Actor.User(childTasks[0].Assignee!), null, null, null);
        Assert.Empty(await h.OpenTasksAsync(parent.Id));
        await h.Engine.Tasks.CompleteAsync(childTasks[1].Id, Decoupling.Engine.Services.Actor.User(childTasks[1].Assignee!), null, null, null);
        Assert.Equal(["After"], await h.ActiveElementsAsync(parent.Id));
    }
}
