using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Engine.Tests.Conformance;

/// <summary>Plays a <see cref="ConformanceCase"/> on an engine over the given store and checks every expectation.</summary>
internal sealed class ConformanceRunner(IEngineStore store)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly VirtualClock clock = new(Start);
    private readonly Dictionary<string, Guid> aliases = new(StringComparer.Ordinal);
    private WorkflowEngine engine = null!;
    private ConformanceCase? current;

    public async Task RunAsync(ConformanceCase @case)
    {
        engine = new WorkflowEngine(store, new HandlerDispatcher([]), clock: clock);
        current = @case;
        foreach (var (file, xml) in @case.Models())
        {
            await engine.DeployAsync(xml, file, "conformance");
        }

        foreach (var step in (@case.Spec["steps"] as JsonArray ?? []).OfType<JsonObject>())
        {
            await StepAsync(step);
        }

        foreach (var expectation in (@case.Spec["expect"] as JsonArray ?? []).OfType<JsonObject>())
        {
            await CheckAsync(@case, expectation);
        }
    }

    private async Task StepAsync(JsonObject step)
    {
        var variables = step["variables"] as JsonObject;
        if (step["check"] is JsonArray checks)
        {
            foreach (var check in checks.OfType<JsonObject>())
            {
                await CheckAsync(current!, check);
            }
        }
        else if (step["start"] is { } key)
        {
            var instance = await engine.StartAsync(key.GetValue<string>(), Text(step, "businessKey"), variables?.DeepClone() as JsonObject, Actor.User("starter"));
            aliases[Text(step, "as") ?? key.GetValue<string>()] = instance.Id;
        }
        else if (Text(step, "complete") is { } elementId)
        {
            var task = await OpenTaskAsync(elementId, Text(step, "instance"));
            await engine.Tasks.CompleteAsync(task.Id, Actor.System, Text(step, "outcome"), variables?.DeepClone() as JsonObject, null);
        }
        else if (Text(step, "message") is { } message)
        {
            await engine.CorrelateMessageAsync(message, Text(step, "businessKey"), variables?.DeepClone() as JsonObject, Actor.System);
        }
        else if (Text(step, "signal") is { } signal)
        {
            await engine.SignalAsync(signal, Actor.System);
        }
        else if (Text(step, "advance") is { } duration)
        {
            clock.Advance(System.Xml.XmlConvert.ToTimeSpan(duration));
            while (await engine.RunDueJobsAsync() > 0)
            {
            }
        }
        else if (step["set"] is JsonObject values)
        {
            await engine.SetVariablesAsync(aliases[Text(step, "instance")!], (JsonObject)values.DeepClone(), Actor.System, "conformance");
        }
        else
        {
            throw new FormatException("unknown step " + step.ToJsonString());
        }
    }

    private async Task<HumanTask> OpenTaskAsync(string elementId, string? alias)
    {
        var candidates = new List<HumanTask>();
        foreach (var id in alias is null ? aliases.Values.Distinct() : [aliases[alias]])
        {
            candidates.AddRange((await engine.Tasks.OfInstanceAsync(id)).Where(t => t.ElementId == elementId && t.State == HumanTaskState.Open));
        }

        Assert.True(candidates.Count > 0, $"no open task at {elementId}");
        return candidates.OrderBy(t => t.CreatedInStep).ThenBy(t => t.LoopIndex).First();
    }

    private async Task CheckAsync(ConformanceCase @case, JsonObject expectation)
    {
        List<ProcessInstance> instances;
        if (Text(expectation, "instance") is { } alias)
        {
            instances = [(await engine.GetInstanceAsync(aliases[alias]))!];
        }
        else
        {
            var key = Text(expectation, "key")!;
            instances = [.. (await engine.ListInstancesAsync(key: key)).OrderBy(i => i.StartedAt).ThenBy(i => i.Id)];
            if (expectation["count"] is { } count)
            {
                Assert.True(count.GetValue<int>() == instances.Count, $"{@case}: {key} has {instances.Count} instances, expected {count}");
            }

            if (instances.Count == 0)
            {
                return;
            }
        }

        var instance = instances[0];
        var label = $"{@case} / {Text(expectation, "instance") ?? Text(expectation, "key")}";
        if (Text(expectation, "state") is { } state)
        {
            Assert.True(state == instance.State.ToString(), $"{label}: state {instance.State}, expected {state}");
        }

        var journal = await engine.GetJournalAsync(instance.RootInstanceId);
        var mine = journal.Where(j => j.InstanceId == instance.Id).ToList();
        if (expectation["trace"] is JsonArray trace)
        {
            var actual = mine.Where(j => j.Kind == "completed").Select(j => j.ElementId!).ToList();
            Assert.True(trace.Select(t => t!.GetValue<string>()).SequenceEqual(actual),
                $"{label}: trace [{string.Join(", ", actual)}], expected [{string.Join(", ", trace.Select(t => t!.GetValue<string>()))}]");
        }

        if (expectation["counts"] is JsonObject counts)
        {
            foreach (var (element, expected) in counts)
            {
                var actual = mine.Count(j => j.Kind == "completed" && j.ElementId == element);
                Assert.True(expected!.GetValue<int>() == actual, $"{label}: {element} completed {actual} times, expected {expected}");
            }
        }

        if (expectation["active"] is JsonArray active)
        {
            var actual = (await engine.GetExecutionsAsync(instance.Id)).Select(e => e.ElementId).Distinct().Order(StringComparer.Ordinal).ToList();
            var wanted = active.Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.True(wanted.SequenceEqual(actual), $"{label}: active [{string.Join(", ", actual)}], expected [{string.Join(", ", wanted)}]");
        }

        if (expectation["openTasks"] is JsonArray open)
        {
            var actual = (await engine.Tasks.OfInstanceAsync(instance.RootInstanceId))
                .Where(t => t.InstanceId == instance.Id && t.State == HumanTaskState.Open).Select(t => t.ElementId).Order(StringComparer.Ordinal).ToList();
            var wanted = open.Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.True(wanted.SequenceEqual(actual), $"{label}: open tasks [{string.Join(", ", actual)}], expected [{string.Join(", ", wanted)}]");
        }

        if (expectation["variables"] is JsonObject variables)
        {
            var actual = await engine.GetVariablesAsync(instance.Id);
            foreach (var (name, value) in variables)
            {
                Assert.True(JsonNode.DeepEquals(value, actual[name]), $"{label}: variable {name} = {actual[name]?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}");
            }
        }

        if (expectation["incidents"] is JsonArray incidents)
        {
            var actual = (await engine.OpenIncidentsAsync(instance.Id)).Select(i => i.ElementId).Order(StringComparer.Ordinal).ToList();
            var wanted = incidents.Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.True(wanted.SequenceEqual(actual), $"{label}: incidents at [{string.Join(", ", actual)}], expected [{string.Join(", ", wanted)}]");
        }

        if (expectation["journal"] is JsonArray kinds)
        {
            foreach (var kind in kinds.Select(k => k!.GetValue<string>()))
            {
                Assert.True(mine.Any(j => j.Kind == kind), $"{label}: no journal entry of kind {kind}");
            }
        }
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
