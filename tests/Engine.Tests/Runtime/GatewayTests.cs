using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class GatewayTests
{
    private static readonly string Exclusive = $"""
        <bpmn:startEvent id="S" />
        <bpmn:exclusiveGateway id="G" default="G_C" />
        <bpmn:sequenceFlow id="G_A" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${amount > 100}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="G_B" sourceRef="G" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${amount > 10}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="G_C" sourceRef="G" targetRef="C" />
        {UserTask("A")}{UserTask("B")}{UserTask("C")}
        <bpmn:endEvent id="E" />
        {Flows("S->G", "A->E", "B->E", "C->E")}
        """;

    private static readonly string ExclusiveNoDefault = $"""
        <bpmn:startEvent id="S" />
        <bpmn:exclusiveGateway id="G" />
        <bpmn:sequenceFlow id="G_A" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${amount > 100}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="G_B" sourceRef="G" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${amount > 10}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        {UserTask("A")}{UserTask("B")}
        <bpmn:endEvent id="E" />
        {Flows("S->G", "A->E", "B->E")}
        """;

    [Theory]
    [InlineData(500, "A")]
    [InlineData(50, "B")]
    [InlineData(5, "C")]
    public async Task Exclusive_gateway_takes_the_first_true_condition_in_order_else_the_default(int amount, string expected)
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Exclusive, new JsonObject { ["amount"] = amount });
        Assert.Equal([expected], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Exclusive_gateway_without_a_match_creates_an_incident_and_the_token_stays()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(ExclusiveNoDefault, new JsonObject { ["amount"] = 1 });
        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal("ENGINE_NO_FLOW_TAKEN", incident.Code);
        Assert.Equal("G", incident.ElementId);
        Assert.Equal(["G"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
    }

    private static readonly string Parallel = $"""
        <bpmn:startEvent id="S" />
        <bpmn:parallelGateway id="F" />
        {UserTask("A")}{UserTask("B")}
        <bpmn:parallelGateway id="J" />
        {UserTask("After")}
        <bpmn:endEvent id="E" />
        {Flows("S->F", "F->A", "F->B", "A->J", "B->J", "J->After", "After->E")}
        """;

    [Fact]
    public async Task Parallel_join_waits_for_both_branches_then_continues_once()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Parallel);
        Assert.Equal(["A", "B"], await h.ActiveElementsAsync(instance.Id));

        await h.CompleteAsync(instance.Id, "A");
        Assert.Equal(["B", "J"], await h.ActiveElementsAsync(instance.Id));
        Assert.DoesNotContain(await h.OpenTasksAsync(instance.Id), t => t.ElementId == "After");

        await h.CompleteAsync(instance.Id, "B");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
        Assert.Single(await h.OpenTasksAsync(instance.Id), t => t.ElementId == "After");
        Assert.Equal(1, await h.CountCompletedAsync(instance.Id, "J"));
    }

    [Fact]
    public async Task Parallel_join_counts_tokens_per_incoming_flow_not_in_total()
    {
        // A loops back to the fork side once: two tokens arrive by A_J before any by B_J; the join must still wait for B
        var h = new EngineHarness();
        var body = $"""
            <bpmn:startEvent id="S" />
            <bpmn:parallelGateway id="F" />
            <bpmn:parallelGateway id="F2" />
            {UserTask("A1")}{UserTask("A2")}{UserTask("B")}
            <bpmn:exclusiveGateway id="X" />
            <bpmn:parallelGateway id="J" />
            {UserTask("After")}
            <bpmn:endEvent id="E" />
            {Flows("S->F", "F->F2", "F->B", "F2->A1", "F2->A2", "A1->X", "A2->X", "X->J", "B->J", "J->After", "After->E")}
            """;
        var instance = await h.DeployAndStartAsync(body);
        await h.CompleteAsync(instance.Id, "A1");
        await h.CompleteAsync(instance.Id, "A2");
        Assert.Equal(["B", "J", "J"], await h.ActiveElementsAsync(instance.Id));

        await h.CompleteAsync(instance.Id, "B");
        // one token per incoming flow is consumed; the second X_J token keeps waiting for the next B_J
        Assert.Equal(["After", "J"], await h.ActiveElementsAsync(instance.Id));
    }

    private static readonly string Inclusive = $"""
        <bpmn:startEvent id="S" />
        <bpmn:inclusiveGateway id="F" />
        <bpmn:sequenceFlow id="F_A" sourceRef="F" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${a}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F_B" sourceRef="F" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${b}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F_C" sourceRef="F" targetRef="C"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${c}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        {UserTask("A")}{UserTask("B")}{UserTask("C")}
        <bpmn:inclusiveGateway id="J" />
        {UserTask("After")}
        <bpmn:endEvent id="E" />
        {Flows("S->F", "A->J", "B->J", "C->J", "J->After", "After->E")}
        """;

    [Fact]
    public async Task Inclusive_fork_takes_only_the_flows_whose_condition_holds()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Inclusive, new JsonObject { ["a"] = true, ["b"] = false, ["c"] = true });
        Assert.Equal(["A", "C"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Inclusive_join_waits_for_a_branch_that_can_still_arrive()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Inclusive, new JsonObject { ["a"] = true, ["b"] = false, ["c"] = true });
        await h.CompleteAsync(instance.Id, "A");
        Assert.Equal(["C", "J"], await h.ActiveElementsAsync(instance.Id));

        await h.CompleteAsync(instance.Id, "C");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(1, await h.CountCompletedAsync(instance.Id, "J"));
    }

    [Fact]
    public async Task Inclusive_join_does_not_wait_for_a_branch_not_taken()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Inclusive, new JsonObject { ["a"] = true, ["b"] = false, ["c"] = false });
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        await h.CompleteAsync(instance.Id, "A");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Inclusive_join_waits_for_a_token_still_upstream_of_its_fork_branch()
    {
        // the token on C sits at a user task before another task on the same branch: still upstream, still waited for
        var h = new EngineHarness();
        var body = Inclusive.Replace("""<bpmn:sequenceFlow id="C_J" sourceRef="C" targetRef="J" />""",
            $"""{UserTask("C2")}{Flows("C->C2", "C2->J")}""", StringComparison.Ordinal);
        var instance = await h.DeployAndStartAsync(body, new JsonObject { ["a"] = true, ["b"] = false, ["c"] = true });
        await h.CompleteAsync(instance.Id, "A");
        await h.CompleteAsync(instance.Id, "C");
        Assert.Equal(["C2", "J"], await h.ActiveElementsAsync(instance.Id));
        await h.CompleteAsync(instance.Id, "C2");
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
    }
}
