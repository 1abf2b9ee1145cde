using System.Text.Json.Nodes;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Services;

/// <summary>Dispatches by topic to registered <see cref="IServiceTaskHandler"/>s.</summary>
public sealed class HandlerDispatcher : IServiceTaskDispatcher
{
    private readonly Dictionary<string, IServiceTaskHandler> handlers = new(StringComparer.Ordinal);

    public HandlerDispatcher(IEnumerable<IServiceTaskHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!this.handlers.TryAdd(handler.Topic, handler))
            {
                throw new InvalidOperationException($"two handlers for topic '{handler.Topic}'");
            }
        }
    }

    public IReadOnlyCollection<string> Topics => handlers.Keys;

    public Task<JsonObject?> DispatchAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(context.Topic, out var handler))
        {
            throw new EngineException(EngineErrors.NoHandler, context.ElementId, context.Topic);
        }

        return handler.ExecuteAsync(context, cancellationToken);
    }
}
