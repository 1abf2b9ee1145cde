using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class MigrationTests
{
    private static readonly string V1 = Process($"""
        <bpmn:startEvent id="S" />
        {UserTask("A")}
        <bpmn:endEvent id="E" />
        {Flows("S->A", "A->E")}
        """);

    private static readonly string V2 = Process($"""
        <bpmn:startEvent id="S" />
        {UserTask("A2")}{UserTask("B")}
        <bpmn:endEvent id="E" />
        {Flows("S->A2", "A2->B", "B->E")}
        """);

    private static readonly Dictionary<string, string> Mapping = new() { ["A"] = "A2" };

    [Fact]
    public async Task Dry_run_reports_the_moves_and_migration_continues_the_instance_on_the_new_version()
    {
        var h = new EngineHarness();
        await h.DeployAsync(V1);
        var instance = await h.StartAsync();
        var v2 = (await h.Engine.DeployAsync(V2, "p.bpmn", "admin"))[0];
        Assert.Equal(2, v2.Version);

        var plan = await h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, Mapping, Admin, dryRun: true);
        Assert.True(plan.IsValid);
        Assert.False(plan.Applied);
        var move = Assert.Single(plan.Moves);
        Assert.Equal(("A", "A2", 1), (move.FromElementId, move.ToElementId, move.OpenTasks));
        Assert.Equal(1, (await h.Engine.GetInstanceAsync(instance.Id))!.DefinitionVersion);

        var applied = await h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, Mapping, Admin, dryRun: false);
        Assert.True(applied.Applied);
        Assert.Equal(2, (await h.Engine.GetInstanceAsync(instance.Id))!.DefinitionVersion);
        await h.CompleteAsync(instance.Id, "A2");
        Assert.Equal(["B"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Invalid_mapping_is_refused_with_errors_and_changes_nothing()
    {
        var h = new EngineHarness();
        await h.DeployAsync(V1);
        var instance = await h.StartAsync();
        var v2 = (await h.Engine.DeployAsync(V2, "p.bpmn", "admin"))[0];
        var bad = new Dictionary<string, string> { ["A"] = "Nowhere" };

        var plan = await h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, bad, Admin, dryRun: true);
        Assert.NotEmpty(plan.Errors);
        var refused = await Assert.ThrowsAsync<EngineException>(() => h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, bad, Admin, dryRun: false));
        Assert.Equal("ENGINE_MIGRATION_INVALID", refused.Code);
        // no mapping at all: A does not exist in v2 either
        Assert.NotEmpty((await h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, null, Admin, dryRun: true)).Errors);
        Assert.Equal("ENGINE_MIGRATE_FORBIDDEN", (await Assert.ThrowsAsync<EngineException>(
            () => h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, Mapping, Actor.User("u"), dryRun: false))).Code);
        Assert.Equal(1, (await h.Engine.GetInstanceAsync(instance.Id))!.DefinitionVersion);
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Instances_not_migrated_stay_on_their_version_and_finish_there()
    {
        var h = new EngineHarness();
        await h.DeployAsync(V1);
        var old = await h.StartAsync();
        await h.DeployAsync(V2);
        var fresh = await h.StartAsync();
        Assert.Equal(["A2"], await h.ActiveElementsAsync(fresh.Id));
        await h.CompleteAsync(old.Id, "A");
        Assert.Equal(InstanceState.Completed, await h.StateAsync(old.Id));
        Assert.Equal(1, (await h.Engine.GetInstanceAsync(old.Id))!.DefinitionVersion);
    }

    [Fact]
    public async Task Redeploying_identical_xml_keeps_the_same_version()
    {
        var h = new EngineHarness();
        var first = (await h.Engine.DeployAsync(V1, "p.bpmn", "admin"))[0];
        var again = (await h.Engine.DeployAsync(V1, "p.bpmn", "admin"))[0];
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.DefinitionId, again.DefinitionId);
        Assert.Equal(1, again.Version);
        Assert.Single(await h.Engine.ListDefinitionsAsync("p"));
    }

    [Fact]
    public async Task A_migrated_instance_listens_for_the_event_subprocesses_of_the_target_and_keeps_what_it_can_compensate()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:task id="Book" />
            <bpmn:boundaryEvent id="UndoBook" attachedToRef="Book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:task id="CancelBooking" isForCompensation="true" />
            <bpmn:association id="Assoc" sourceRef="UndoBook" targetRef="CancelBooking" />
            {UserTask("A")}
            <bpmn:endEvent id="E" />
            {Flows("S->Book", "Book->A", "A->E")}
            """));
        var instance = await h.StartAsync(businessKey: "case-1");
        var v2 = (await h.Engine.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:task id="Book" />
            <bpmn:boundaryEvent id="UndoBook" attachedToRef="Book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:task id="CancelBooking" isForCompensation="true" />
            <bpmn:association id="Assoc" sourceRef="UndoBook" targetRef="CancelBooking" />
            {UserTask("A")}
            <bpmn:endEvent id="E" />
            <bpmn:subProcess id="Withdraw" triggeredByEvent="true">
              <bpmn:startEvent id="Withdrawn"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
              <bpmn:endEvent id="Undo"><bpmn:compensateEventDefinition /></bpmn:endEvent>
              {Flows("Withdrawn->Undo")}
            </bpmn:subProcess>
            {Flows("S->Book", "Book->A", "A->E")}
            """, rootElements: """<bpmn:message id="M" name="withdrawn" />"""), "p.bpmn", "admin"))[0];

        await h.Engine.Migration.MigrateAsync(instance.Id, v2.DefinitionId, null, Admin, dryRun: false);
        await h.Engine.CorrelateMessageAsync("withdrawn", "case-1", null, Actor.User("applicant"));

        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
        Assert.Equal(1, await h.CountCompletedAsync(instance.Id, "Withdrawn"));
        Assert.Equal(1, await h.CountCompletedAsync(instance.Id, "CancelBooking"));
    }
}
