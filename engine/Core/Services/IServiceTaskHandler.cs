using System.Text.Json.Nodes;

namespace Decoupling.Engine.Services;

/// <summary>
/// A C# handler for service and send tasks with camunda:type="external" and the handler's topic.
/// Runs at least once: it must be idempotent for <see cref="ServiceTaskContext.IdempotencyKey"/>.
/// Throw <see cref="BpmnErrorException"/> for a business error that the model can catch with a boundary error event;
/// any other exception is a technical failure that is retried with backoff and then becomes an incident.
/// </summary>
public interface IServiceTaskHandler
{
    string Topic { get; }

    /// <summary>Returns variables to set (through the task's output mappings when it has any), or null.</summary>
    Task<JsonObject?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
