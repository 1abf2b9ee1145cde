using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class ScopeTests
{
    private static string SubProcess(string inner) => $"""
        <bpmn:startEvent id="S" />
        <bpmn:subProcess id="Sub">
          <bpmn:startEvent id="SubS" />
          <bpmn:parallelGateway id="SubF" />
          {UserTask("X")}{UserTask("Y")}
          {inner}
          {Flows("SubS->SubF", "SubF->X", "SubF->Y")}
        </bpmn:subProcess>
        {UserTask("After")}{UserTask("Outside")}
        <bpmn:parallelGateway id="F" />
        <bpmn:endEvent id="E" />
        <bpmn:endEvent id="E2" />
        {Flows("S->F", "F->Sub", "F->Outside", "Outside->E2", "Sub->After", "After->E")}
        """;

    [Fact]
    public async Task Subprocess_completes_only_when_all_its_tokens_have_ended()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(SubProcess($"""<bpmn:endEvent id="SubE" /><bpmn:endEvent id="SubE2" />{Flows("X->SubE", "Y->SubE2")}"""));
        Assert.Equal(["Outside", "Sub", "X", "Y"], await h.ActiveElementsAsync(instance.Id));
        await h.CompleteAsync(instance.Id, "X");
        Assert.Equal(["Outside", "Sub", "Y"], await h.ActiveElementsAsync(instance.Id));
        await h.CompleteAsync(instance.Id, "Y");
        Assert.Equal(["After", "Outside"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Terminate_end_inside_a_subprocess_ends_only_the_subprocess()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(SubProcess(
            $"""<bpmn:endEvent id="SubT"><bpmn:terminateEventDefinition /></bpmn:endEvent><bpmn:endEvent id="SubE2" />{Flows("X->SubT", "Y->SubE2")}"""));
        var y = await h.SingleOpenTaskAsync(instance.Id, "Y");
        await h.CompleteAsync(instance.Id, "X");
        Assert.Equal(["After", "Outside"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(y.Id))!.State);
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
    }

    [Fact]
    public async Task Terminate_end_at_top_level_ends_the_instance_and_cancels_open_tasks()
    {
        var h = new EngineHarness();
        var body = $"""
            <bpmn:startEvent id="S" />
            <bpmn:parallelGateway id="F" />
            {UserTask("A")}{UserTask("B")}
            <bpmn:endEvent id="T"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="E" />
            {Flows("S->F", "F->A", "F->B", "A->T", "B->E")}
            """;
        var instance = await h.DeployAndStartAsync(body);
        var b = await h.SingleOpenTaskAsync(instance.Id, "B");
        await h.CompleteAsync(instance.Id, "A");
        Assert.Equal(InstanceState.Terminated, await h.StateAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(b.Id))!.State);
        Assert.Empty(await h.ActiveElementsAsync(instance.Id));
    }

    private static string Child(string task) => Process($"""
        <bpmn:startEvent id="CS" />
        {UserTask(task)}
        <bpmn:endEvent id="CE" />
        {Flows($"CS->{task}", $"{task}->CE")}
        """, key: "child");

    private static string Parent(string attributes = "", string mappings = "") => Process($"""
        <bpmn:startEvent id="S" />
        <bpmn:callActivity id="Call" calledElement="child" {attributes}>
          <bpmn:extensionElements>{mappings}</bpmn:extensionElements>
        </bpmn:callActivity>
        {UserTask("After")}
        <bpmn:endEvent id="E" />
        {Flows("S->Call", "Call->After", "After->E")}
        """);

    private static async Task<ProcessInstance> ChildOf(EngineHarness h, Guid parentId)
    {
        var tasks = await h.Engine.Tasks.OfInstanceAsync(parentId);
        var task = Assert.Single(tasks, t => t.State == HumanTaskState.Open);
        return (await h.Engine.GetInstanceAsync(task.InstanceId))!;
    }

    [Fact]
    public async Task Call_activity_with_latest_binding_starts_the_newest_child_version()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Child("V1"));
        await h.DeployAsync(Child("V2"));
        await h.DeployAsync(Parent());
        var parent = await h.StartAsync();
        var child = await ChildOf(h, parent.Id);
        Assert.Equal(2, child.DefinitionVersion);
        Assert.Single(await h.OpenTasksAsync(child.Id), t => t.ElementId == "V2");
    }

    [Fact]
    public async Task Call_activity_with_version_binding_starts_that_version()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Child("V1"));
        await h.DeployAsync(Child("V2"));
        await h.DeployAsync(Parent("""camunda:calledElementBinding="version" camunda:calledElementVersion="1" """));
        var parent = await h.StartAsync();
        var child = await ChildOf(h, parent.Id);
        Assert.Equal(1, child.DefinitionVersion);
        Assert.Single(await h.OpenTasksAsync(child.Id), t => t.ElementId == "V1");
    }

    [Fact]
    public async Task Call_activity_maps_variables_in_and_out_passes_the_business_key_and_continues_the_parent()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Child("C"));
        await h.DeployAsync(Parent(mappings: """<camunda:in source="amount" target="childAmount" /><camunda:out source="verdict" target="parentVerdict" />"""));
        var parent = await h.StartAsync(variables: new JsonObject { ["amount"] = 42, ["secret"] = "x" }, businessKey: "BK-1");
        var child = await ChildOf(h, parent.Id);
        Assert.Equal("BK-1", child.BusinessKey);
        Assert.Equal(parent.Id, child.ParentInstanceId);
        var childVars = await h.Engine.GetVariablesAsync(child.Id);
        Assert.Equal(42, childVars["childAmount"]!.GetValue<int>());
        Assert.False(childVars.ContainsKey("secret"));

        await h.CompleteAsync(child.Id, "C", variables: new JsonObject { ["verdict"] = "ok" });
        Assert.Equal(InstanceState.Completed, await h.StateAsync(child.Id));
        Assert.Equal(["After"], await h.ActiveElementsAsync(parent.Id));
        Assert.Equal("ok", (await h.Engine.GetVariablesAsync(parent.Id))["parentVerdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task Error_end_event_in_a_child_is_caught_by_a_boundary_error_on_the_call_activity()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="CS" />
            {UserTask("C")}
            <bpmn:endEvent id="CErr"><bpmn:errorEventDefinition errorRef="Err1" /></bpmn:endEvent>
            {Flows("CS->C", "C->CErr")}
            """, key: "child", rootElements: """<bpmn:error id="Err1" name="E1" errorCode="E1" />"""));
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:callActivity id="Call" calledElement="child" />
            <bpmn:boundaryEvent id="OnE1" attachedToRef="Call"><bpmn:errorEventDefinition errorRef="Err1" /></bpmn:boundaryEvent>
            {UserTask("After")}{UserTask("Fix")}
            <bpmn:endEvent id="E" />
            {Flows("S->Call", "Call->After", "After->E", "OnE1->Fix", "Fix->E")}
            """, rootElements: """<bpmn:error id="Err1" name="E1" errorCode="E1" />"""));
        var parent = await h.StartAsync();
        var child = await ChildOf(h, parent.Id);
        await h.CompleteAsync(child.Id, "C");
        Assert.Equal(["Fix"], await h.ActiveElementsAsync(parent.Id));
        Assert.NotEqual(InstanceState.Active, await h.StateAsync(child.Id));
        Assert.Equal("E1", (await h.Engine.GetVariablesAsync(parent.Id))["errorCode"]!.GetValue<string>());
    }
}
