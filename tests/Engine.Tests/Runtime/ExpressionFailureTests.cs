using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class ExpressionFailureTests
{
    private static readonly string Body = $"""
        <bpmn:startEvent id="S" />
        <bpmn:exclusiveGateway id="G" default="G_B" />
        <bpmn:sequenceFlow id="G_A" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${applicant.age > 18}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="G_B" sourceRef="G" targetRef="B" />
        {UserTask("A")}{UserTask("B")}
        <bpmn:endEvent id="E" />
        {Flows("S->G", "A->E", "B->E")}
        """;

    [Fact]
    public async Task A_failing_condition_becomes_an_incident_not_an_exception_and_the_instance_stays_active()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Body);
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal("G_A", incident.ElementId);
        Assert.Equal(["G"], await h.ActiveElementsAsync(instance.Id));
        Assert.Empty(await h.OpenTasksAsync(instance.Id));
    }

    [Fact]
    public async Task Retrying_an_expression_incident_re_evaluates_and_fails_again_while_the_data_is_still_wrong()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Body);
        var first = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        await h.Engine.RetryIncidentAsync(first.Id, Admin);
        var second = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["G"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task The_same_model_routes_normally_when_the_data_is_there()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Body, new JsonObject { ["applicant"] = new JsonObject { ["age"] = 30 } });
        Assert.Empty(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task An_administrator_repairs_the_variables_and_the_retry_then_routes_on()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Body);
        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));

        await Assert.ThrowsAsync<Services.EngineException>(() =>
            h.Engine.SetVariablesAsync(instance.Id, new JsonObject { ["applicant"] = new JsonObject { ["age"] = 30 } }, Services.Actor.User("clerk"), null));
        await h.Engine.SetVariablesAsync(instance.Id, new JsonObject { ["applicant"] = new JsonObject { ["age"] = 30 } }, Admin, "补录申请人年龄");
        await h.Engine.RetryIncidentAsync(incident.Id, Admin);

        Assert.Empty(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        var change = Assert.Single(await h.Engine.GetJournalAsync(instance.Id), j => j.Kind == "variables-changed");
        Assert.Equal("补录申请人年龄", change.Comment);
        Assert.Contains("\"age\":30", change.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_diagram_shows_completed_counts_active_elements_and_incidents()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Body);

        var diagram = await h.Engine.GetDiagramAsync(instance.Id);

        Assert.Equal(1, diagram.Completed["S"]);
        Assert.False(diagram.Completed.ContainsKey("G"));
        Assert.Equal(["G"], diagram.Active);
        Assert.Equal("G_A", Assert.Single(diagram.Incidents).ElementId);
        Assert.Contains("<bpmn:exclusiveGateway id=\"G\"", diagram.Xml, StringComparison.Ordinal);
    }
}
