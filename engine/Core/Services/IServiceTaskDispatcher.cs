namespace Decoupling.Engine.Services;

/// <summary>Decides who runs a service task: the registered handlers in production, the answers file in a simulation.</summary>
public interface IServiceTaskDispatcher
{
    Task<System.Text.Json.Nodes.JsonObject?> DispatchAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
