using Decoupling.Engine.Simulation;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class SimulationTests
{
    [Fact]
    public async Task Unanswered_task_waits_while_its_reminder_cycle_fires_its_repetitions()
    {
        var xml = Process($"""
            <bpmn:startEvent id="S" />
            {UserTask("Review")}
            <bpmn:boundaryEvent id="Remind" attachedToRef="Review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT4H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:intermediateThrowEvent id="Reminded" />
            <bpmn:endEvent id="E" />
            <bpmn:endEvent id="E2" />
            {Flows("S->Review", "Review->E", "Remind->Reminded", "Reminded->E2")}
            """);
        var result = await Simulator.RunAsync(xml, "p.bpmn", [], null, SimulationAnswers.Parse("{}"));
        Assert.False(result.Completed);
        Assert.Equal(2, result.Counters["Reminded"]);
        Assert.Equal(["Review"], result.Waiting);
        Assert.False(result.Counters.ContainsKey("Review"));
    }

    [Fact]
    public async Task Service_answer_with_an_error_goes_to_the_boundary_and_answered_tasks_complete()
    {
        var xml = Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:serviceTask id="Check" camunda:type="external" camunda:topic="check" />
            <bpmn:boundaryEvent id="Bad" attachedToRef="Check"><bpmn:errorEventDefinition errorRef="Err1" /></bpmn:boundaryEvent>
            {UserTask("Fix")}{UserTask("Ok")}
            <bpmn:endEvent id="E" />
            {Flows("S->Check", "Check->Ok", "Ok->E", "Bad->Fix", "Fix->E")}
            """, rootElements: """<bpmn:error id="Err1" name="E1" errorCode="E1" />""");
        var answers = SimulationAnswers.Parse("""{"tasks":{"Fix":[{"outcome":"approve"}],"Ok":[{}]},"services":{"Check":{"error":"E1"}}}""");
        var result = await Simulator.RunAsync(xml, "p.bpmn", [], null, answers);
        Assert.True(result.Completed);
        Assert.Equal(1, result.Counters["Fix"]);
        Assert.False(result.Counters.ContainsKey("Ok"));
        Assert.Empty(result.Incidents);
        Assert.Empty(result.Waiting);
    }
}
