using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>Input parameters of a subprocess are locals of each of its instances, so parallel reviews keep their own opinion.</summary>
public sealed class SubProcessLocalsTests
{
    [Fact]
    public async Task Parallel_subprocess_instances_keep_their_own_opinion()
    {
        var h = new EngineHarness("issue");
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            <bpmn:subProcess id="Review">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="opinion">{"${null}"}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="{"${departments}"}" camunda:elementVariable="dept" />
              <bpmn:startEvent id="RS" />
              <bpmn:userTask id="Check" camunda:assignee="{"${dept}"}" />
              <bpmn:serviceTask id="Issue" camunda:type="external" camunda:topic="issue" />
              <bpmn:endEvent id="RE" />
              <bpmn:sequenceFlow id="r1" sourceRef="RS" targetRef="Check" />
              <bpmn:sequenceFlow id="r2" sourceRef="Check" targetRef="Issue" />
              <bpmn:sequenceFlow id="r3" sourceRef="Issue" targetRef="RE" />
            </bpmn:subProcess>
            <bpmn:endEvent id="E" />
            {Flows("S->Review", "Review->E")}
            """, new JsonObject { ["departments"] = new JsonArray("bb", "czj") });

        var tasks = await h.OpenTasksAsync(instance.Id);
        Assert.True(tasks.Count == 2, string.Join(",", tasks.Select(t => t.Assignee)) + " | " + string.Join(",", (await h.Engine.OpenIncidentsAsync(instance.Id)).Select(i => i.Message)));
        var bb = tasks.Single(t => t.Assignee == "bb");
        var czj = tasks.Single(t => t.Assignee == "czj");
        await h.Engine.Tasks.CompleteAsync(bb.Id, Admin, "approve", new JsonObject { ["opinion"] = "编办同意" }, null);
        await h.Engine.Tasks.CompleteAsync(czj.Id, Admin, "approve", new JsonObject { ["opinion"] = "财政局同意" }, null);

        var seen = h.Handlers["issue"].Calls.Select(c => c.Variables["opinion"]!.GetValue<string>()).ToList();
        Assert.Equal(["编办同意", "财政局同意"], seen);
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
        Assert.False((await h.Engine.GetVariablesAsync(instance.Id)).ContainsKey("opinion"));
    }

    [Fact]
    public async Task An_activitys_locals_end_with_it_and_its_output_parameters_reach_the_enclosing_scope()
    {
        var h = new EngineHarness("next");
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="Approve" camunda:assignee="u">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="outcome">{"${null}"}</camunda:inputParameter>
                <camunda:inputParameter name="itemTitle">取消主管关系</camunda:inputParameter>
                <camunda:outputParameter name="articlesDecision">{"${outcome}"}</camunda:outputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="Next" camunda:type="external" camunda:topic="next" />
            <bpmn:userTask id="Later" camunda:assignee="u" />
            <bpmn:endEvent id="E" />
            {Flows("S->Approve", "Approve->Next", "Next->Later", "Later->E")}
            """);

        var approve = await h.SingleOpenTaskAsync(instance.Id, "Approve");
        await h.Engine.Tasks.CompleteAsync(approve.Id, Actor.User("u"), "reject", new JsonObject { ["outcome"] = "reject" }, null);

        // the outcome the task wrote stayed local and went out only through the output parameter
        var variables = await h.Engine.GetVariablesAsync(instance.Id);
        Assert.Equal("reject", variables["articlesDecision"]!.GetValue<string>());
        Assert.Equal("reject", variables["outcome"]!.GetValue<string>());
        var seen = Assert.Single(h.Handlers["next"].Calls).Variables;
        Assert.False(seen.ContainsKey("itemTitle"));

        // nothing of Approve's scope is left on the token that moved on
        var token = Assert.Single(await h.Engine.GetExecutionsAsync(instance.Id));
        Assert.Equal("Later", token.ElementId);
        Assert.Null(token.LocalVariablesJson);
    }
}
