using System.Text.Json.Nodes;
using Decoupling.Engine.Simulation;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>Simulating processes that start by a message, a signal or a timer, and answering receive tasks and message catches.</summary>
public sealed class SimulationStartTests
{
    private const string HighOrLow = """
        <bpmn:sequenceFlow id="G_High" sourceRef="G" targetRef="High"><bpmn:conditionExpression>${amount + fee > 100}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="G_Low" sourceRef="G" targetRef="Low" />
        """;

    private const string Messages = """<bpmn:message id="M_Apply" name="apply" /><bpmn:message id="M_Paid" name="paid" />""";

    [Fact]
    public async Task A_process_with_only_a_message_start_event_starts_with_the_variables_and_its_receive_task_is_answered()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Applied"><bpmn:messageEventDefinition messageRef="M_Apply" /></bpmn:startEvent>
            <bpmn:receiveTask id="WaitPayment" messageRef="M_Paid" />
            <bpmn:exclusiveGateway id="G" default="G_Low" />
            <bpmn:task id="High" /><bpmn:task id="Low" />
            <bpmn:endEvent id="E" />
            {Flows("Applied->WaitPayment", "WaitPayment->G", "High->E", "Low->E")}
            {HighOrLow}
            """, rootElements: Messages);
        var answers = SimulationAnswers.Parse("""{"tasks":{"WaitPayment":[{"fee":30}]}}""");

        var result = await Simulator.RunAsync(xml, "p.bpmn", [], new JsonObject { ["amount"] = 80 }, answers);

        Assert.True(result.Completed);
        Assert.Equal(1, result.Counters["WaitPayment"]);
        Assert.Equal(1, result.Counters["High"]);
        Assert.False(result.Counters.ContainsKey("Low"));
    }

    [Fact]
    public async Task An_unanswered_receive_task_is_left_waiting()
    {
        var xml = Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:receiveTask id="WaitPayment" messageRef="M_Paid" />
            <bpmn:endEvent id="E" />
            {Flows("S->WaitPayment", "WaitPayment->E")}
            """, rootElements: Messages);

        var result = await Simulator.RunAsync(xml, "p.bpmn", [], null, SimulationAnswers.Parse("{}"));

        Assert.False(result.Completed);
        Assert.Equal(["WaitPayment"], result.Waiting);
    }

    [Fact]
    public async Task A_process_with_only_a_timer_start_event_starts_when_the_clock_reaches_it_and_later_firings_are_not_waited_for()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Weekly"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P7D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            {UserTask("Summarise")}
            <bpmn:endEvent id="E" />
            {Flows("Weekly->Summarise", "Summarise->E")}
            """);

        var result = await Simulator.RunAsync(xml, "p.bpmn", [], null, SimulationAnswers.Parse("""{"tasks":{"Summarise":[{}]}}"""));

        Assert.True(result.Completed);
        Assert.Equal(1, result.Counters["Weekly"]);
        Assert.Equal(1, result.Counters["Summarise"]);
        Assert.Equal("2026-01-12T09:00:00+08:00", result.Trace[0]["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_process_with_only_a_signal_start_event_starts()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Go"><bpmn:signalEventDefinition signalRef="Sig" /></bpmn:startEvent>
            <bpmn:endEvent id="E" />
            {Flows("Go->E")}
            """, rootElements: """<bpmn:signal id="Sig" name="go" />""");

        var result = await Simulator.RunAsync(xml, "p.bpmn", [], null, SimulationAnswers.Parse("{}"));

        Assert.True(result.Completed);
        Assert.Equal(1, result.Counters["Go"]);
    }
}
