using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime;

/// <summary>Loads an instance with its executions, tasks, jobs, subscriptions and open incidents into a step, once.</summary>
internal sealed class GraphLoader(DefinitionRepository definitions)
{
    public async Task<InstanceGraph> LoadAsync(StepContext ctx, Guid instanceId)
    {
        if (ctx.Loaded(instanceId) is { } loaded)
        {
            return loaded;
        }

        var session = ctx.Session;
        var instance = await session.FirstOrDefaultAsync(session.Instances.Where(i => i.Id == instanceId)).ConfigureAwait(false)
            ?? throw new EngineException("ENGINE_INSTANCE_NOT_FOUND", instanceId);
        var graph = new InstanceGraph
        {
            Instance = instance,
            Deployed = await definitions.GetAsync(session, instance.DefinitionId).ConfigureAwait(false),
            Executions = await session.ListAsync(session.Executions.Where(e => e.InstanceId == instanceId)).ConfigureAwait(false),
            Tasks = await session.ListAsync(session.Tasks.Where(t => t.InstanceId == instanceId)).ConfigureAwait(false),
            Jobs = await session.ListAsync(session.Jobs.Where(j => j.InstanceId == instanceId)).ConfigureAwait(false),
            Subscriptions = await session.ListAsync(session.Subscriptions.Where(s => s.InstanceId == instanceId)).ConfigureAwait(false),
            Incidents = await session.ListAsync(session.Incidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)).ConfigureAwait(false),
            Variables = JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [],
        };
        ctx.Track(graph);
        return graph;
    }
}
