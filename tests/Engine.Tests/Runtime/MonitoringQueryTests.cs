using Decoupling.Engine.Entities;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class MonitoringQueryTests
{
    private static readonly string Body = $"""
        <bpmn:startEvent id="S" />
        {UserTask("A", "wang")}
        <bpmn:endEvent id="E" />
        {Flows("S->A", "A->E")}
        """;

    [Fact]
    public async Task Instances_are_listed_by_business_key_and_state_newest_first()
    {
        var h = new EngineHarness();
        var first = await h.DeployAndStartAsync(Body, businessKey: "assoc-1");
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await h.StartAsync(businessKey: "assoc-1");
        await h.StartAsync(businessKey: "assoc-2");
        await h.CompleteAsync(first.Id, "A");

        var ofAssociation = await h.Engine.ListInstancesAsync(businessKey: "assoc-1");
        Assert.Equal([second.Id, first.Id], ofAssociation.Select(i => i.Id));
        Assert.Equal([second.Id], (await h.Engine.ListInstancesAsync(businessKey: "assoc-1", state: InstanceState.Active)).Select(i => i.Id));
        Assert.Equal(3, (await h.Engine.ListInstancesAsync(key: "p")).Count);
    }

    [Fact]
    public async Task All_open_tasks_of_the_district_are_listed_for_supervision()
    {
        var h = new EngineHarness();
        var first = await h.DeployAndStartAsync(Body);
        await h.StartAsync();
        await h.CompleteAsync(first.Id, "A");

        Assert.Single(await h.Engine.Tasks.AllOpenAsync());
    }
}
