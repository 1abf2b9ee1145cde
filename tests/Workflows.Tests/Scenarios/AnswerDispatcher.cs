using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Workflows.Tests.Scenarios;

/// <summary>Service tasks answer from a simulation answer file (what the C# handlers would return), so the scenario tests exercise the engine's human operations on the real flows.</summary>
internal sealed class AnswerDispatcher(JsonObject services) : IServiceTaskDispatcher
{
    public Task<JsonObject?> DispatchAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
        Task.FromResult(services[context.ElementId]?.DeepClone() as JsonObject);
}
