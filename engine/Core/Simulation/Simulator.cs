using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Listeners;

namespace Decoupling.Engine.Simulation;

/// <summary>
/// Runs a model in memory on a virtual clock: answered user tasks are completed in creation order, due jobs run, and when
/// nothing else can move the clock jumps to the next timer. Unanswered tasks stay waiting, so their timers fire.
/// The same API serves the designer's simulation panel and the `simulate` command.
/// </summary>
public static class Simulator
{
    /// <summary>Simulated time starts here (a Monday, 09:00 Beijing time) so results are reproducible.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Starts the main process the way it can be started: at its none start event, else by its message start event
    /// (business key "simulation", with the variables), else by its signal start event; a process with only timer start
    /// events starts when the virtual clock reaches the first (null here: the run finds it).
    /// </summary>
    private static async Task<Guid?> StartMainAsync(WorkflowEngine engine, Runtime.DeployResult main, JsonObject? variables, CancellationToken cancellationToken)
    {
        var process = await engine.GetProcessAsync(main.DefinitionId, cancellationToken).ConfigureAwait(false);
        if (process.NoneStartOf(null) is { } none)
        {
            // the simulator plays the platform: what the start form declares writable is the starter's input (checked like
            // a real start), everything else is a case fact the platform would have read from its records
            var formVariables = new JsonObject();
            var facts = new JsonObject();
            foreach (var (name, value) in variables ?? [])
            {
                (none.Form?.Find(name) is { IsWritable: true } ? formVariables : facts)[name] = value?.DeepClone();
            }

            return (await engine.StartAsync(new StartRequest(main.Key)
            {
                BusinessKey = "simulation", FormVariables = formVariables, CaseFacts = facts, Version = main.Version,
            }, Actor.System, cancellationToken).ConfigureAwait(false)).Id;
        }

        var starts = process.Nodes.Where(n => n.Kind == FlowNodeKind.StartEvent).ToList();
        if (starts.FirstOrDefault(n => n.Trigger == EventTrigger.Message) is { MessageName: { } message })
        {
            return (await engine.CorrelateMessageAsync(message, "simulation", variables, Actor.System, cancellationToken).ConfigureAwait(false)).Id;
        }

        if (starts.FirstOrDefault(n => n.Trigger == EventTrigger.Signal) is { SignalName: { } signal })
        {
            await engine.SignalAsync(signal, Actor.System, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static Guid? MainInstance(InMemoryEngineStore store, string key) =>
        store.Instances.Values.Where(i => i.DefinitionKey == key && i.ParentInstanceId is null).OrderBy(i => i.StartedAt).Select(i => (Guid?)i.Id).FirstOrDefault();

    public static async Task<SimulationResult> RunAsync(string mainXml, string mainName, IEnumerable<(string Name, string Xml)> others,
        JsonObject? variables, SimulationAnswers answers, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulationOptions();
        var clock = new VirtualClock(Epoch);
        var store = new InMemoryEngineStore();
        // completion checks look at the platform's records, which a simulation has none of: each one named passes
        var listeners = new List<ITaskListener>();
        var engine = new WorkflowEngine(store, new SimulationDispatcher(answers), clock: clock,
            extensions: new EngineExtensions { TaskListeners = listeners });
        var deployedKeys = new List<string>();
        foreach (var (name, xml) in others)
        {
            deployedKeys.AddRange((await engine.DeployAsync(xml, name, "simulation", cancellationToken).ConfigureAwait(false)).Select(d => d.Key));
        }

        var deployed = await engine.DeployAsync(mainXml, mainName, "simulation", cancellationToken).ConfigureAwait(false);
        var main = deployed.FirstOrDefault() ?? throw new EngineException(EngineErrors.NoExecutableProcess, mainName);
        deployedKeys.AddRange(deployed.Select(d => d.Key));
        foreach (var key in deployedKeys.Distinct(StringComparer.Ordinal))
        {
            var process = await engine.LatestProcessAsync(key, cancellationToken).ConfigureAwait(false);
            listeners.AddRange((process?.NodesById.Values.AsEnumerable() ?? []).SelectMany(n => n.TaskListeners).Select(l => l.Name)
                .Where(name => listeners.All(l => l.Name != name)).Distinct(StringComparer.Ordinal).Select(name => new PassingTaskListener(name)));
        }

        var instanceId = await StartMainAsync(engine, main, variables, cancellationToken).ConfigureAwait(false);

        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var horizon = Epoch + options.Horizon;
        for (var move = 0; move < options.MaxMoves; move++)
        {
            // a process with only timer start events: its first instance is the main one, later firings are not waited for
            instanceId ??= MainInstance(store, main.Key);
            var open = store.Tasks.Values
                .Where(t => t.State == HumanTaskState.Open && answers.Tasks.TryGetValue(t.ElementId, out var given) && given.Count > 0)
                .OrderBy(t => t.CreatedInStep).ThenBy(t => t.CreatedAt).ThenBy(t => t.LoopIndex)
                .FirstOrDefault();
            if (open is not null)
            {
                var list = answers.Tasks[open.ElementId];
                var index = used.GetValueOrDefault(open.ElementId);
                used[open.ElementId] = index + 1;
                var answer = (JsonObject)list[Math.Min(index, list.Count - 1)].DeepClone();
                var outcome = answer["outcome"] is JsonValue o && o.TryGetValue<string>(out var text) ? text : null;
                // "comment" is the completion's comment (the opinion a form may require), not a variable of the task
                var comment = answer["comment"] is JsonValue c && c.TryGetValue<string>(out var note) ? note : null;
                answer.Remove("comment");
                await engine.Tasks.CompleteAsync(open.Id, Actor.System, outcome, answer, comment, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // receive tasks and message catch events answered like tasks: the answer is the message's variables
            var listening = store.Subscriptions.Values
                .Where(s => s.Kind == SubscriptionKind.Catch && s.InstanceId is not null && answers.Tasks.ContainsKey(s.ElementId))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.ElementId, StringComparer.Ordinal)
                .FirstOrDefault();
            if (listening is not null)
            {
                var list = answers.Tasks[listening.ElementId];
                var index = used.GetValueOrDefault(listening.ElementId);
                used[listening.ElementId] = index + 1;
                await engine.DeliverToAsync(listening.Id, (JsonObject)list[Math.Min(index, list.Count - 1)].DeepClone(), Actor.System, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var pending = store.Jobs.Values
                .Where(j => !j.HasIncident && (instanceId is null || j.Kind != JobKind.TimerStart))
                .OrderBy(j => j.DueAt).FirstOrDefault();
            if (pending is not null && pending.DueAt <= clock.Now)
            {
                await engine.ExecuteJobAsync(pending.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (pending is not null && pending.DueAt <= horizon)
            {
                clock.MoveTo(pending.DueAt);
                continue;
            }

            break;
        }

        instanceId ??= MainInstance(store, main.Key);

        var keys = store.Instances.Values.ToDictionary(i => i.Id, i => i.DefinitionKey);
        var counters = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in store.Journal.Where(j => j.Kind == Executor.JournalCompleted && j.ElementId is not null))
        {
            counters[entry.ElementId!] = counters.GetValueOrDefault(entry.ElementId!) + 1;
        }

        var trace = store.Journal.OrderBy(j => j.Id).Select(j => new JsonObject
        {
            ["process"] = keys.GetValueOrDefault(j.InstanceId),
            ["event"] = j.Kind,
            ["element"] = j.ElementId,
            ["at"] = j.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var waiting = store.Executions.Values
            .Where(e => e.State == ExecutionState.Waiting && store.Instances.TryGetValue(e.InstanceId, out var i) && i.State == InstanceState.Active)
            .Select(e => e.ElementId).Distinct().Order(StringComparer.Ordinal).ToList();
        var incidents = store.Incidents.Values.Where(i => i.ResolvedAt is null).Select(i => new JsonObject
        {
            ["process"] = keys.GetValueOrDefault(i.InstanceId),
            ["element"] = i.ElementId,
            ["code"] = i.Code,
            ["message"] = i.Message,
        }).ToList();
        var final = instanceId is { } id ? store.Instances[id] : null;
        return new SimulationResult
        {
            Completed = final?.State is InstanceState.Completed or InstanceState.Terminated,
            Counters = counters,
            Trace = trace,
            Waiting = waiting,
            Incidents = incidents,
        };
    }
}
