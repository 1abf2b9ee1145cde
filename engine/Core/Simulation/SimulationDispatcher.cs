using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Simulation;

/// <summary>Service tasks in a simulation: no handler runs; they return the answers' variables or throw the named BPMN error.</summary>
internal sealed class SimulationDispatcher(SimulationAnswers answers) : IServiceTaskDispatcher
{
    public Task<JsonObject?> DispatchAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (!answers.Services.TryGetValue(context.ElementId, out var answer))
        {
            return Task.FromResult<JsonObject?>(null);
        }

        if (answer["error"] is JsonValue error && error.TryGetValue<string>(out var code))
        {
            throw new BpmnErrorException(code);
        }

        return Task.FromResult((JsonObject?)answer.DeepClone());
    }
}
