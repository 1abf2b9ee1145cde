using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Tests.Runtime;

/// <summary>A service task handler that records every call and answers with a configurable behaviour.</summary>
internal sealed class RecordingHandler(string topic, Func<ServiceTaskContext, JsonObject?>? behaviour = null) : IServiceTaskHandler
{
    public string Topic { get; } = topic;

    public List<ServiceTaskContext> Calls { get; } = [];

    public Func<ServiceTaskContext, JsonObject?> Behaviour { get; set; } = behaviour ?? (_ => null);

    public Task<JsonObject?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        Calls.Add(context);
        return Task.FromResult(Behaviour(context));
    }
}
