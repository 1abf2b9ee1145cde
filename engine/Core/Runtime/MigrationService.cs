using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Moves a running instance to another version of its process with an explicit mapping of active element ids
/// (unmapped ids map to themselves). Validated first; a dry run reports the plan without changing anything.
/// Tokens keep their place: nothing is re-run, open tasks keep their assignee. See doc/adr/0005-migration.md.
/// </summary>
public sealed class MigrationService
{
    private readonly IEngineStore store;
    private readonly StepRunner steps;
    private readonly GraphLoader loader;
    private readonly DefinitionRepository definitions;
    private readonly Executor executor;

    internal MigrationService(IEngineStore store, StepRunner steps, GraphLoader loader, DefinitionRepository definitions, Executor executor)
    {
        this.store = store;
        this.steps = steps;
        this.loader = loader;
        this.definitions = definitions;
        this.executor = executor;
    }

    public async Task<MigrationPlan> MigrateAsync(Guid instanceId, Guid targetDefinitionId, IReadOnlyDictionary<string, string>? mapping,
        Actor actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            throw new EngineException(EngineErrors.MigrateForbidden);
        }

        if (dryRun)
        {
            await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            var ctx = new StepContext(session, DateTimeOffset.UtcNow, actor);
            var graph = await loader.LoadAsync(ctx, instanceId).ConfigureAwait(false);
            var target = await definitions.GetAsync(session, targetDefinitionId).ConfigureAwait(false);
            return Plan(graph, target, mapping ?? new Dictionary<string, string>(), applied: false);
        }

        return await steps.RunAsync(actor, async ctx =>
        {
            var graph = await loader.LoadAsync(ctx, instanceId).ConfigureAwait(false);
            var target = await definitions.GetAsync(ctx.Session, targetDefinitionId).ConfigureAwait(false);
            var map = mapping ?? new Dictionary<string, string>();
            var plan = Plan(graph, target, map, applied: true);
            if (!plan.IsValid)
            {
                throw new EngineException(EngineErrors.MigrationInvalid, string.Join("；", plan.Errors));
            }

            string To(string id) => map.TryGetValue(id, out var to) ? to : id;
            foreach (var execution in graph.Executions)
            {
                execution.ElementId = To(execution.ElementId);
                execution.ArrivedVia = null;
            }

            foreach (var task in graph.Tasks.Where(Executor.IsLive))
            {
                task.ElementId = To(task.ElementId);
                task.Name = target.Process.GetNode(task.ElementId).Name;
                task.DefinitionKey = target.Record.Key;
            }

            // boundary timers and messages belong to the old model: drop them and attach the target's to the waiting activities
            foreach (var job in graph.Jobs.Where(j => j.Kind == JobKind.Timer).ToList())
            {
                Executor.RemoveJob(ctx, graph, job);
            }

            // what completed and can still be compensated stays, under the target's element ids
            foreach (var subscription in graph.Subscriptions.ToList())
            {
                if (subscription.Kind == SubscriptionKind.Compensate)
                {
                    subscription.ElementId = To(subscription.ElementId);
                    subscription.MessageName = subscription.ElementId;
                }
                else
                {
                    Executor.RemoveSubscription(ctx, graph, subscription);
                }
            }

            var fromVersion = graph.Instance.DefinitionVersion;
            graph.Instance.DefinitionId = target.Record.Id;
            graph.Instance.DefinitionVersion = target.Record.Version;
            graph.Deployed = target;

            // the target's event subprocesses listen in the scopes that are running: the process and each subprocess
            executor.AddEventSubProcessListeners(ctx, graph, null, null);
            foreach (var execution in graph.Executions)
            {
                if (target.Process.GetNode(execution.ElementId) is { Kind: FlowNodeKind.SubProcess } scope
                    && execution.State == ExecutionState.Scope && execution.Role != ExecutionRole.MultiInstanceBody)
                {
                    executor.AddEventSubProcessListeners(ctx, graph, execution, scope);
                }
            }

            foreach (var execution in graph.Executions.ToList())
            {
                var node = target.Process.GetNode(execution.ElementId);
                if (node.Kind is FlowNodeKind.IntermediateCatchEvent or FlowNodeKind.ReceiveTask or FlowNodeKind.EventBasedGateway)
                {
                    executor.Schedule(ctx, graph, execution, node, () => executor.ExecuteAsync(ctx, graph, execution, node));
                }
                else if (node.IsActivity && execution.Role != ExecutionRole.MultiInstanceInner
                         && (execution.State == ExecutionState.Scope || graph.Tasks.Any(t => t.ExecutionId == execution.Id && Executor.IsLive(t))))
                {
                    executor.AddBoundaryListeners(ctx, graph, execution, node);
                }
            }

            ctx.Journal(graph, "instance-migrated", null, comment: $"v{fromVersion} -> v{target.Record.Version}");
            return plan;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static MigrationPlan Plan(InstanceGraph graph, DeployedProcess target, IReadOnlyDictionary<string, string> mapping, bool applied)
    {
        var errors = new List<string>();
        var moves = new List<MigrationMove>();
        if (graph.Instance.State != InstanceState.Active)
        {
            errors.Add(Resources.EngineText.Get(EngineErrors.InstanceNotActive, graph.Instance.Id));
        }

        if (target.Record.Key != graph.Instance.DefinitionKey)
        {
            errors.Add(Resources.EngineText.Get(EngineErrors.MigrationOtherProcess, target.Record.Key, graph.Instance.DefinitionKey));
        }

        foreach (var group in graph.Executions.GroupBy(e => e.ElementId))
        {
            var from = graph.Deployed.Process.GetNode(group.Key);
            var toId = mapping.TryGetValue(group.Key, out var mapped) ? mapped : group.Key;
            if (!target.Process.NodesById.TryGetValue(toId, out var to))
            {
                errors.Add(Resources.EngineText.Get(EngineErrors.MigrationUnmapped, group.Key, toId));
                continue;
            }

            if (to.Kind != from.Kind || (to.Loop is null) != (from.Loop is null) || to.Parent?.Id != (from.Parent is null ? null : (mapping.GetValueOrDefault(from.Parent.Id) ?? from.Parent.Id)))
            {
                errors.Add(Resources.EngineText.Get(EngineErrors.MigrationIncompatible, group.Key, toId));
                continue;
            }

            moves.Add(new MigrationMove(group.Key, toId, group.Count(), graph.Tasks.Count(t => t.ElementId == group.Key && Executor.IsLive(t))));
        }

        return new MigrationPlan(graph.Instance.Id, graph.Instance.DefinitionVersion, target.Record.Version, moves, errors, applied && errors.Count == 0);
    }
}
