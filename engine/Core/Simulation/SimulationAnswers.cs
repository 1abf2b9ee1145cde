using System.Text.Json.Nodes;

namespace Decoupling.Engine.Simulation;

/// <summary>
/// The ANSWERS file of a simulation: for each user task id a list of variable sets used in order (the last one repeats;
/// an "outcome" key is also the task's outcome, a "comment" key its comment; an empty list leaves the task waiting); for each service task id the variables it returns or {"error": code}.
/// </summary>
public sealed class SimulationAnswers
{
    public Dictionary<string, List<JsonObject>> Tasks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Services { get; } = new(StringComparer.Ordinal);

    public static SimulationAnswers Parse(string? json)
    {
        var answers = new SimulationAnswers();
        if (string.IsNullOrWhiteSpace(json))
        {
            return answers;
        }

        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("answers: the top level must be a JSON object");
        if (root["tasks"] is JsonObject tasks)
        {
            foreach (var (taskId, list) in tasks)
            {
                answers.Tasks[taskId] = list switch
                {
                    JsonArray array => array.Select(a => a as JsonObject ?? throw new FormatException($"answers.tasks.{taskId}: every entry must be an object")).ToList(),
                    JsonObject single => [single],
                    _ => throw new FormatException($"answers.tasks.{taskId}: expected a list of objects"),
                };
            }
        }
        else if (root["tasks"] is not null)
        {
            throw new FormatException("answers.tasks must be an object");
        }

        if (root["services"] is JsonObject services)
        {
            foreach (var (serviceId, value) in services)
            {
                answers.Services[serviceId] = value as JsonObject ?? throw new FormatException($"answers.services.{serviceId}: expected an object");
            }
        }
        else if (root["services"] is not null)
        {
            throw new FormatException("answers.services must be an object");
        }

        return answers;
    }
}
