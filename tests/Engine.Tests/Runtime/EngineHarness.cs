using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>An in-memory engine on a virtual clock with recording handlers, plus small BPMN and query helpers.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    public EngineHarness(params string[] topics)
        : this(null, topics)
    {
    }

    /// <summary>An engine with a platform's extensions (access policy, people directory, completion checks).</summary>
    public EngineHarness(EngineExtensions? extensions, params string[] topics)
    {
        Clock = new VirtualClock(Start);
        Handlers = topics.ToDictionary(t => t, t => new RecordingHandler(t));
        Store = new InMemoryEngineStore();
        Engine = new WorkflowEngine(Store, new HandlerDispatcher(Handlers.Values), clock: Clock, extensions: extensions);
    }

    public InMemoryEngineStore Store { get; }

    public VirtualClock Clock { get; }
    public Dictionary<string, RecordingHandler> Handlers { get; }
    public WorkflowEngine Engine { get; }

    public static Actor Admin { get; } = Actor.System;

    /// <summary>A document with one executable process <paramref name="key"/> holding <paramref name="body"/>.</summary>
    public static string Process(string body, string key = "p", string rootElements = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_{key}" targetNamespace="http://test">
          <bpmn:process id="{key}" name="{key}" isExecutable="true">
        {body}
          </bpmn:process>
        {rootElements}
        </bpmn:definitions>
        """;

    /// <summary>Sequence flows from a compact "A->B, B->C" list; ids are A_B.</summary>
    public static string Flows(params string[] pairs) => string.Join("\n", pairs.Select(p =>
    {
        var parts = p.Split("->");
        return $"""<bpmn:sequenceFlow id="{parts[0].Trim()}_{parts[1].Trim()}" sourceRef="{parts[0].Trim()}" targetRef="{parts[1].Trim()}" />""";
    }));

    public static string UserTask(string id, string assignee = "u") => $"""<bpmn:userTask id="{id}" name="{id}" camunda:assignee="{assignee}" />""";

    public async Task<int> DeployAsync(string xml, string name = "test.bpmn") => (await Engine.DeployAsync(xml, name, "admin"))[0].Version;

    public Task<ProcessInstance> StartAsync(string key = "p", JsonObject? variables = null, string? businessKey = null, string starter = "starter") =>
        Engine.StartAsync(key, businessKey, variables, Actor.User(starter));

    public async Task<ProcessInstance> DeployAndStartAsync(string body, JsonObject? variables = null, string? businessKey = null)
    {
        await DeployAsync(Process(body));
        return await StartAsync(variables: variables, businessKey: businessKey);
    }

    public async Task<List<string>> ActiveElementsAsync(Guid instanceId) =>
        [.. (await Engine.GetExecutionsAsync(instanceId)).Select(e => e.ElementId).Order(StringComparer.Ordinal)];

    /// <summary>Open tasks of this very instance (not of instances it called).</summary>
    public async Task<List<HumanTask>> OpenTasksAsync(Guid instanceId)
    {
        var root = (await Engine.GetInstanceAsync(instanceId))!.RootInstanceId;
        return [.. (await Engine.Tasks.OfInstanceAsync(root))
            .Where(t => t.InstanceId == instanceId && t.State == HumanTaskState.Open).OrderBy(t => t.CreatedInStep).ThenBy(t => t.LoopIndex)];
    }

    public async Task<HumanTask> SingleOpenTaskAsync(Guid instanceId, string elementId) =>
        Assert.Single(await OpenTasksAsync(instanceId), t => t.ElementId == elementId);

    /// <summary>Completes the one open task at <paramref name="elementId"/> as its assignee.</summary>
    public async Task CompleteAsync(Guid instanceId, string elementId, string? outcome = null, JsonObject? variables = null, string? comment = null)
    {
        var task = await SingleOpenTaskAsync(instanceId, elementId);
        await Engine.Tasks.CompleteAsync(task.Id, Actor.User(task.Assignee!), outcome, variables, comment);
    }

    public async Task<InstanceState> StateAsync(Guid instanceId) => (await Engine.GetInstanceAsync(instanceId))!.State;

    public async Task<int> CountCompletedAsync(Guid instanceId, string elementId) =>
        (await Engine.GetJournalAsync(instanceId)).Count(j => j.Kind == "completed" && j.ElementId == elementId);

    public async Task AdvanceAndRunAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Engine.RunDueJobsAsync();
    }
}
