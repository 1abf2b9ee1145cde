using System.Text.Json.Nodes;

namespace Decoupling.Engine.Simulation;

/// <summary>What a simulation printed: see DESIGN.md, "Verification interfaces".</summary>
public sealed class SimulationResult
{
    public bool Completed { get; init; }
    public required SortedDictionary<string, int> Counters { get; init; }
    public required List<JsonObject> Trace { get; init; }
    public required List<string> Waiting { get; init; }
    public required List<JsonObject> Incidents { get; init; }

    public JsonObject ToJson()
    {
        var counters = new JsonObject();
        foreach (var (id, count) in Counters)
        {
            counters[id] = count;
        }

        return new JsonObject
        {
            ["completed"] = Completed,
            ["counters"] = counters,
            ["trace"] = new JsonArray([.. Trace.Select(t => (JsonNode)t.DeepClone())]),
            ["waiting"] = new JsonArray([.. Waiting.Select(w => (JsonNode)w)]),
            ["incidents"] = new JsonArray([.. Incidents.Select(i => (JsonNode)i.DeepClone())]),
        };
    }
}
