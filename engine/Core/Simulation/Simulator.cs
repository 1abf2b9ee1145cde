using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
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
        // the simulator plays the platform: what the start form declares writable is the starter's input (checked like a
        // real start), everything else is a case fact the platform would have read from its records
        var startForm = (await engine.LatestProcessAsync(main.Key, cancellationToken).ConfigureAwait(false))?.NoneStartOf(null)?.Form;
        var formVariables = new JsonObject();
        var facts = new JsonObject();
        foreach (var (name, value) in variables ?? [])
        {
            (startForm?.Find(name) is { IsWritable: true } ? formVariables : facts)[name] = value?.DeepClone();
        }

        var instance = await engine.StartAsync(new StartRequest(main.Key)
        {
            BusinessKey = "simulation", FormVariables = formVariables, CaseFacts = facts, Version = main.Version,
        }, Actor.System, cancellationToken).ConfigureAwait(false);

        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var horizon = Epoch + options.Horizon;
        for (var move = 0; move < options.MaxMoves; move++)
        {
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

            var due = await engine.PendingJobsAsync(clock.Now, 1, cancellationToken).ConfigureAwait(false);
            if (due.Count > 0)
            {
                await engine.ExecuteJobAsync(due[0].Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var next = await engine.PendingJobsAsync(null, 1, cancellationToken).ConfigureAwait(false);
            if (next.Count > 0 && next[0].DueAt <= horizon)
            {
                clock.MoveTo(next[0].DueAt);
                continue;
            }

            break;
        }

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
        var final = store.Instances[instance.Id];
        return new SimulationResult
        {
            Completed = final.State is InstanceState.Completed or InstanceState.Terminated,
            Counters = counters,
            Trace = trace,
            Waiting = waiting,
            Incidents = incidents,
        };
    }
}
