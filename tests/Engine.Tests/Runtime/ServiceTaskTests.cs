using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class ServiceTaskTests
{
    private const string Errors = """<bpmn:error id="Err1" name="E1" errorCode="E1" /><bpmn:error id="Err2" name="E2" errorCode="E2" />""";

    private static string WithBoundaries(string boundaries) => Process($"""
        <bpmn:startEvent id="S" />
        <bpmn:serviceTask id="Svc" camunda:type="external" camunda:topic="work" />
        {boundaries}
        {UserTask("Ok")}
        <bpmn:endEvent id="E" />
        {Flows("S->Svc", "Svc->Ok", "Ok->E")}
        """, rootElements: Errors);

    private const string CodeBoundary = """<bpmn:boundaryEvent id="OnE1" attachedToRef="Svc"><bpmn:errorEventDefinition errorRef="Err1" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="f1" sourceRef="OnE1" targetRef="OnE1Task" /><bpmn:userTask id="OnE1Task" camunda:assignee="u" /><bpmn:sequenceFlow id="f1e" sourceRef="OnE1Task" targetRef="E" />""";
    private const string CatchAll = """<bpmn:boundaryEvent id="Any" attachedToRef="Svc"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="f2" sourceRef="Any" targetRef="CatchAllTask" /><bpmn:userTask id="CatchAllTask" camunda:assignee="u" /><bpmn:sequenceFlow id="f2e" sourceRef="CatchAllTask" targetRef="E" />""";

    [Theory]
    [InlineData("E1", "OnE1Task")]
    [InlineData("E2", "CatchAllTask")]
    public async Task Bpmn_error_from_a_handler_goes_to_the_boundary_with_its_code_before_a_catch_all(string code, string expected)
    {
        var h = new EngineHarness("work");
        h.Handlers["work"].Behaviour = _ => throw new BpmnErrorException(code);
        await h.DeployAsync(WithBoundaries(CatchAll + CodeBoundary));
        var instance = await h.StartAsync();
        Assert.Equal([expected], await h.ActiveElementsAsync(instance.Id));
        Assert.Empty(await h.Engine.OpenIncidentsAsync(instance.Id));
    }

    [Fact]
    public async Task Unmatched_bpmn_error_becomes_an_incident_ENGINE_UNHANDLED_ERROR()
    {
        var h = new EngineHarness("work");
        h.Handlers["work"].Behaviour = _ => throw new BpmnErrorException("E2");
        await h.DeployAsync(WithBoundaries(CodeBoundary));
        var instance = await h.StartAsync();
        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal("ENGINE_UNHANDLED_ERROR", incident.Code);
        Assert.Equal(InstanceState.Active, await h.StateAsync(instance.Id));
    }

    [Fact]
    public async Task Technical_failure_retries_with_backoff_then_becomes_an_incident_that_an_admin_can_retry()
    {
        var h = new EngineHarness("work");
        var fail = true;
        h.Handlers["work"].Behaviour = _ => fail ? throw new InvalidOperationException("down") : new JsonObject { ["done"] = true };
        await h.DeployAsync(WithBoundaries(""));
        var instance = await h.StartAsync();
        Assert.Single(h.Handlers["work"].Calls);
        Assert.Equal(["Svc"], await h.ActiveElementsAsync(instance.Id));
        Assert.Empty(await h.Engine.OpenIncidentsAsync(instance.Id));

        // not due yet: nothing runs before the first backoff (10 s)
        Assert.Equal(0, await h.Engine.RunDueJobsAsync());
        await h.AdvanceAndRunAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, h.Handlers["work"].Calls.Count);
        Assert.Equal(2, h.Handlers["work"].Calls[1].Attempt);
        await h.AdvanceAndRunAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, h.Handlers["work"].Calls.Count); // second backoff is a minute
        await h.AdvanceAndRunAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, h.Handlers["work"].Calls.Count);

        var incident = Assert.Single(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.Equal("ENGINE_SERVICE_FAILED", incident.Code);
        await h.AdvanceAndRunAsync(TimeSpan.FromHours(1));
        Assert.Equal(3, h.Handlers["work"].Calls.Count); // an incident stops the retries

        var refused = await Assert.ThrowsAsync<EngineException>(() => h.Engine.RetryIncidentAsync(incident.Id, Actor.User("u")));
        Assert.Equal("ENGINE_RETRY_FORBIDDEN", refused.Code);

        fail = false;
        await h.Engine.RetryIncidentAsync(incident.Id, Admin);
        await h.Engine.RunDueJobsAsync();
        Assert.Equal(4, h.Handlers["work"].Calls.Count);
        Assert.Equal(["Ok"], await h.ActiveElementsAsync(instance.Id));
        Assert.Empty(await h.Engine.OpenIncidentsAsync(instance.Id));
        Assert.True((await h.Engine.GetVariablesAsync(instance.Id))["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Retries_of_one_arrival_share_an_idempotency_key_and_a_token_coming_back_gets_a_new_one()
    {
        var h = new EngineHarness("work");
        var failures = 2;
        h.Handlers["work"].Behaviour = _ => failures-- > 0 ? throw new InvalidOperationException("down") : null;
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:exclusiveGateway id="M" />
            <bpmn:serviceTask id="Svc" camunda:type="external" camunda:topic="work" camunda:asyncBefore="true" />
            <bpmn:userTask id="Again" camunda:assignee="u" />
            <bpmn:exclusiveGateway id="G" default="toEnd" />
            <bpmn:endEvent id="E" />
            {Flows("S->M", "M->Svc", "Svc->Again", "Again->G")}
            <bpmn:sequenceFlow id="back" sourceRef="G" targetRef="M"><bpmn:conditionExpression>{"${again == true}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toEnd" sourceRef="G" targetRef="E" />
            """));
        var instance = await h.StartAsync();
        await h.Engine.RunDueJobsAsync();
        await h.AdvanceAndRunAsync(TimeSpan.FromSeconds(10));
        await h.AdvanceAndRunAsync(TimeSpan.FromMinutes(1));
        var task = await h.SingleOpenTaskAsync(instance.Id, "Again");
        await h.Engine.Tasks.CompleteAsync(task.Id, Actor.User("u"), null, new JsonObject { ["again"] = true }, null);
        await h.Engine.RunDueJobsAsync();

        var calls = h.Handlers["work"].Calls;
        Assert.Equal(4, calls.Count);
        // the retries of the failed arrival run under one key (a failed run records nothing under its own)
        Assert.Equal(calls[1].IdempotencyKey, calls[2].IdempotencyKey);
        Assert.Equal(3, calls[2].Attempt);
        // the same token back at the task is a new arrival with a new key
        Assert.Equal(calls[2].ExecutionId, calls[3].ExecutionId);
        Assert.NotEqual(calls[2].IdempotencyKey, calls[3].IdempotencyKey);
    }

    [Fact]
    public async Task Async_before_creates_a_job_that_run_due_jobs_executes()
    {
        var h = new EngineHarness("work");
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:serviceTask id="Svc" camunda:type="external" camunda:topic="work" camunda:asyncBefore="true" />
            {UserTask("Ok")}
            <bpmn:endEvent id="E" />
            {Flows("S->Svc", "Svc->Ok", "Ok->E")}
            """));
        var instance = await h.StartAsync();
        Assert.Empty(h.Handlers["work"].Calls);
        Assert.Equal(["Svc"], await h.ActiveElementsAsync(instance.Id));
        Assert.Equal(1, await h.Engine.RunDueJobsAsync());
        Assert.Single(h.Handlers["work"].Calls);
        Assert.Equal(["Ok"], await h.ActiveElementsAsync(instance.Id));
    }

    [Fact]
    public async Task Input_mappings_reach_the_handler_and_output_mappings_set_variables()
    {
        var h = new EngineHarness("work");
        h.Handlers["work"].Behaviour = ctx => new JsonObject { ["score"] = Number(ctx.Inputs["doubled"]) + 1 };
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:serviceTask id="Svc" camunda:type="external" camunda:topic="work">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="doubled">{"${amount * 2}"}</camunda:inputParameter>
                  <camunda:outputParameter name="finalScore">{"${score}"}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            {UserTask("Ok")}
            <bpmn:endEvent id="E" />
            {Flows("S->Svc", "Svc->Ok", "Ok->E")}
            """));
        var instance = await h.StartAsync(variables: new JsonObject { ["amount"] = 5 });
        Assert.Equal(10, Number(h.Handlers["work"].Calls[0].Inputs["doubled"]));
        var variables = await h.Engine.GetVariablesAsync(instance.Id);
        Assert.Equal(11, Number(variables["finalScore"]));
        Assert.False(variables.ContainsKey("score")); // with output mappings only the mapped outputs are set
    }

    private static double Number(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
