using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class EventTests
{
    private static string Timer(string kind, string value) =>
        $"""<bpmn:timerEventDefinition><bpmn:{kind}>{value}</bpmn:{kind}></bpmn:timerEventDefinition>""";

    private const string Messages = """<bpmn:message id="M_Pay" name="paid" /><bpmn:message id="M_Withdraw" name="withdraw" />""";

    [Fact]
    public async Task Intermediate_duration_timer_waits_until_the_virtual_clock_reaches_it()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            <bpmn:intermediateCatchEvent id="Wait">{Timer("timeDuration", "PT2H")}</bpmn:intermediateCatchEvent>
            {UserTask("After")}
            <bpmn:endEvent id="E" />
            {Flows("S->Wait", "Wait->After", "After->E")}
            """);
        await h.AdvanceAndRunAsync(TimeSpan.FromMinutes(119));
        Assert.Equal(["Wait"], await h.ActiveElementsAsync(instance.Id));
        await h.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["After"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Interrupting_boundary_timer_cancels_the_user_task()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            {UserTask("A")}
            <bpmn:boundaryEvent id="Late" attachedToRef="A">{Timer("timeDuration", "P1D")}</bpmn:boundaryEvent>
            {UserTask("Escalated")}
            <bpmn:endEvent id="E" />
            {Flows("S->A", "A->E", "Late->Escalated", "Escalated->E")}
            """);
        var a = await h.SingleOpenTaskAsync(instance.Id, "A");
        await h.AdvanceAndRunAsync(TimeSpan.FromDays(1));
        Assert.Equal(["Escalated"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(a.Id))!.State);
    }

    [Fact]
    public async Task Non_interrupting_cycle_R3_fires_exactly_three_times_and_keeps_the_task()
    {
        var h = new EngineHarness();
        var instance = await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            {UserTask("A")}
            <bpmn:boundaryEvent id="Remind" attachedToRef="A" cancelActivity="false">{Timer("timeCycle", "R3/PT1H")}</bpmn:boundaryEvent>
            <bpmn:intermediateThrowEvent id="Reminded" />
            <bpmn:endEvent id="E" />
            <bpmn:endEvent id="E2" />
            {Flows("S->A", "A->E", "Remind->Reminded", "Reminded->E2")}
            """);
        for (var i = 0; i < 6; i++)
        {
            await h.AdvanceAndRunAsync(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, await h.CountCompletedAsync(instance.Id, "Reminded"));
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
    }

    private static readonly string EventGateway = $"""
        <bpmn:startEvent id="S" />
        <bpmn:eventBasedGateway id="G" />
        <bpmn:intermediateCatchEvent id="Paid"><bpmn:messageEventDefinition messageRef="M_Pay" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="Timeout">{Timer("timeDuration", "PT1H")}</bpmn:intermediateCatchEvent>
        {UserTask("Ship")}{UserTask("Remind")}
        <bpmn:endEvent id="E" />
        {Flows("S->G", "G->Paid", "G->Timeout", "Paid->Ship", "Timeout->Remind", "Ship->E", "Remind->E")}
        """;

    [Fact]
    public async Task Event_based_gateway_message_first_cancels_the_timer()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process(EventGateway, rootElements: Messages));
        var instance = await h.StartAsync(businessKey: "order-1");
        await h.Engine.CorrelateMessageAsync("paid", "order-1", null, Actor.User("bank"));
        Assert.Equal(["Ship"], await h.ActiveElementsAsync(instance.Id));
        await h.AdvanceAndRunAsync(TimeSpan.FromHours(2));
        Assert.Equal(["Ship"], await h.ActiveElementsAsync(instance.Id));
        Assert.Empty(await h.Engine.PendingJobsAsync());
    }

    [Fact]
    public async Task Event_based_gateway_timer_first_removes_the_message_subscription()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process(EventGateway, rootElements: Messages));
        var instance = await h.StartAsync(businessKey: "order-1");
        await h.AdvanceAndRunAsync(TimeSpan.FromHours(1));
        Assert.Equal(["Remind"], await h.ActiveElementsAsync(instance.Id));
        var late = await Assert.ThrowsAsync<EngineException>(() => h.Engine.CorrelateMessageAsync("paid", "order-1", null, Actor.User("bank")));
        Assert.Equal("ENGINE_MESSAGE_NOT_CORRELATED", late.Code);
    }

    [Fact]
    public async Task Timer_start_event_creates_an_instance_when_due()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="TS">{Timer("timeDuration", "PT30M")}</bpmn:startEvent>
            {UserTask("A")}
            <bpmn:endEvent id="E" />
            {Flows("TS->A", "A->E")}
            """));
        await h.AdvanceAndRunAsync(TimeSpan.FromMinutes(29));
        Assert.Empty(h.Store.Instances);
        await h.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));
        var instance = Assert.Single(h.Store.Instances.Values);
        Assert.Equal(["A"], await h.ActiveElementsAsync(instance.Id));
        await h.AdvanceAndRunAsync(TimeSpan.FromHours(5));
        Assert.Single(h.Store.Instances);
    }

    [Fact]
    public async Task Intermediate_catch_and_receive_task_are_correlated_by_name_and_business_key()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:intermediateCatchEvent id="WaitPay"><bpmn:messageEventDefinition messageRef="M_Pay" /></bpmn:intermediateCatchEvent>
            <bpmn:receiveTask id="Recv" messageRef="M_Withdraw" />
            {UserTask("After")}
            <bpmn:endEvent id="E" />
            {Flows("S->WaitPay", "WaitPay->Recv", "Recv->After", "After->E")}
            """, rootElements: Messages));
        var one = await h.StartAsync(businessKey: "k1");
        var two = await h.StartAsync(businessKey: "k2");

        var got = await h.Engine.CorrelateMessageAsync("paid", "k2", new JsonObject { ["amount"] = 9 }, Actor.User("bank"));
        Assert.Equal(two.Id, got.Id);
        Assert.Equal(["WaitPay"], await h.ActiveElementsAsync(one.Id));
        Assert.Equal(["Recv"], await h.ActiveElementsAsync(two.Id));
        Assert.Equal(9, (await h.Engine.GetVariablesAsync(two.Id))["amount"]!.GetValue<int>());

        await h.Engine.CorrelateMessageAsync("withdraw", "k2", null, Actor.User("bank"));
        Assert.Equal(["After"], await h.ActiveElementsAsync(two.Id));
        Assert.Equal(["WaitPay"], await h.ActiveElementsAsync(one.Id));
    }

    [Fact]
    public async Task Interrupting_boundary_message_withdraws_the_application()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            {UserTask("Review")}
            <bpmn:boundaryEvent id="Withdrawn" attachedToRef="Review"><bpmn:messageEventDefinition messageRef="M_Withdraw" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="E" />
            <bpmn:endEvent id="EW" />
            {Flows("S->Review", "Review->E", "Withdrawn->EW")}
            """, rootElements: Messages));
        var instance = await h.StartAsync(businessKey: "app-7");
        var review = await h.SingleOpenTaskAsync(instance.Id, "Review");
        await h.Engine.CorrelateMessageAsync("withdraw", "app-7", null, Actor.User("applicant"));
        Assert.Equal(InstanceState.Completed, await h.StateAsync(instance.Id));
        Assert.Equal(HumanTaskState.Cancelled, (await h.Engine.Tasks.GetAsync(review.Id))!.State);
        Assert.Equal(1, await h.CountCompletedAsync(instance.Id, "EW"));
    }

    [Fact]
    public async Task Message_start_event_starts_an_instance_with_the_business_key()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="MS"><bpmn:messageEventDefinition messageRef="M_Pay" /></bpmn:startEvent>
            {UserTask("A")}
            <bpmn:endEvent id="E" />
            {Flows("MS->A", "A->E")}
            """, rootElements: Messages));
        var started = await h.Engine.CorrelateMessageAsync("paid", "bk-9", new JsonObject { ["x"] = 1 }, Actor.User("bank"));
        Assert.Equal("bk-9", started.BusinessKey);
        Assert.Equal(["A"], await h.ActiveElementsAsync(started.Id));
        Assert.Equal(1, (await h.Engine.GetVariablesAsync(started.Id))["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_message_is_refused_with_ENGINE_MESSAGE_NOT_CORRELATED()
    {
        var h = new EngineHarness();
        var refused = await Assert.ThrowsAsync<EngineException>(() => h.Engine.CorrelateMessageAsync("nobody-waits", "k", null, Actor.User("x")));
        Assert.Equal("ENGINE_MESSAGE_NOT_CORRELATED", refused.Code);
        Assert.DoesNotContain("ENGINE_", refused.Message, StringComparison.Ordinal);
    }
}
