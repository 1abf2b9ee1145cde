using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Decoupling.Engine.Errors;

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

        var instance = await ctx.Session.FindInstanceAsync(instanceId).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.InstanceNotFound, instanceId);
        return await LoadAsync(ctx, instance).ConfigureAwait(false);
    }

    /// <summary>Loads the rest of an instance whose row the step has just read (the row must be read before its other rows).</summary>
    public async Task<InstanceGraph> LoadAsync(StepContext ctx, ProcessInstance instance)
    {
        if (ctx.Loaded(instance.Id) is { } loaded)
        {
            return loaded;
        }

        var session = ctx.Session;
        var instanceId = instance.Id;
        var rows = await session.LoadInstanceRowsAsync(instanceId).ConfigureAwait(false);
        var graph = new InstanceGraph
        {
            Instance = instance,
            Deployed = await definitions.GetAsync(session, instance.DefinitionId).ConfigureAwait(false),
            Executions = rows.Executions,
            Tasks = rows.Tasks,
            Jobs = rows.Jobs,
            Subscriptions = rows.Subscriptions,
            Incidents = rows.OpenIncidents,
            Variables = JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [],
        };
        if (graph.Subscriptions.Any(s => s.Kind == SubscriptionKind.Conditional))
        {
            graph.ConditionBaseline = graph.VariablesFingerprint();
        }

        ctx.Track(graph);
        return graph;
    }
}
