using System.Text.Json.Nodes;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>What happens when a node finds no approver, or finds the starter (per-node camunda:property settings).</summary>
public sealed class ApproverRuleTests
{
    private static string Model(string properties, string assignee = "${reviewer}") => $"""
        <bpmn:startEvent id="S" />
        <bpmn:userTask id="A" name="审核" camunda:assignee="{assignee}">
          <bpmn:extensionElements><camunda:properties>{properties}</camunda:properties></bpmn:extensionElements>
        </bpmn:userTask>
        {UserTask("B")}
        <bpmn:endEvent id="E" />
        {Flows("S->A", "A->B", "B->E")}
        """;

    [Fact]
    public async Task By_default_a_task_without_approver_goes_to_the_administrators_pool()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Model(""), new JsonObject { ["reviewer"] = null });

        var task = await h.SingleOpenTaskAsync(instance.Id, "A");
        Assert.Equal(",role:Admin,", task.CandidateGroups);
        Assert.Contains(await h.Engine.GetJournalAsync(instance.Id), j => j.Kind == "no-approver");
    }

    [Fact]
    public async Task Skip_passes_a_node_without_approver()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Model("""<camunda:property name="onNoApprover" value="skip" />"""), new JsonObject { ["reviewer"] = null });

        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));
        Assert.Contains(await h.Engine.GetJournalAsync(instance.Id), j => j.Kind == "task-skipped" && j.ElementId == "A");
    }

    [Fact]
    public async Task Incident_stops_the_case_until_the_approver_is_supplied()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync(Model("""<camunda:property name="onNoApprover" value="incident" />"""), new JsonObject { ["reviewer"] = null });
        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal("ENGINE_NO_APPROVER", incident.Code);

        await h.Engine.SetVariablesAsync(instance.Id, new JsonObject { ["reviewer"] = "wang" }, Admin, null);
        await h.Engine.RetryIncidentAsync(incident.Id, Admin);

        Assert.Equal("wang", (await h.SingleOpenTaskAsync(instance.Id, "A")).Assignee);
    }

    [Fact]
    public async Task A_node_set_to_skip_the_starter_passes_when_the_starter_is_the_approver()
    {
        var h = new EngineHarness();
        var skip = """<camunda:property name="onStarterApprover" value="skip" />""";
        var instance = await h.DeployAndStartAsync(Model(skip), new JsonObject { ["reviewer"] = "starter" });
        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));

        var other = await h.StartAsync(variables: new JsonObject { ["reviewer"] = "wang" });
        Assert.Equal(["A"], await h.ActiveElementsAsync(other.Id));
    }
}
