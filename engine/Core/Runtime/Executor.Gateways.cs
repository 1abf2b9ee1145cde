using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Resources;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

internal sealed partial class Executor
{
    /// <summary>Exclusive gateway: the first outgoing flow (in document order) whose condition holds, else the default.</summary>
    private async Task LeaveExclusiveAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        var view = View(graph, execution);
        SequenceFlow? chosen = null;
        foreach (var flow in node.Outgoing)
        {
            if (flow.Id != node.DefaultFlowId && (flow.Condition is null || expressions.EvaluateCondition(flow.Condition, view, flow.Id)))
            {
                chosen = flow;
                break;
            }
        }

        chosen ??= node.DefaultFlowId is null ? null : graph.Deployed.Process.FlowsById[node.DefaultFlowId];
        if (chosen is null)
        {
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.NoFlowTaken.Code, EngineText.Get(EngineErrors.NoFlowTaken, node.Id));
            return;
        }

        ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
        await TakeFlowsAsync(ctx, graph, execution, [chosen]).ConfigureAwait(false);
    }

    /// <summary>Parallel gateway: waits until a token has arrived on every incoming flow, consumes one per flow, forks to all outgoing.</summary>
    private async Task ArriveAtParallelGatewayAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            var arrived = WaitingAtJoin(graph, execution, node);
            var perFlow = node.Incoming.Select(f => arrived.FirstOrDefault(e => e.ArrivedVia == f.Id)).ToList();
            if (perFlow.Any(e => e is null))
            {
                return; // keep waiting
            }

            foreach (var consumed in perFlow.Where(e => e != execution))
            {
                RemoveExecution(ctx, graph, consumed!);
            }
        }

        ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
        await TakeFlowsAsync(ctx, graph, execution, [.. node.Outgoing]).ConfigureAwait(false);
    }

    /// <summary>Inclusive gateway: a join waits (checked when the step has nothing else to do); a pure fork forks at once.</summary>
    private async Task ArriveAtInclusiveGatewayAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            return; // a join: FireReadyInclusiveJoins decides once the step has nothing else to do
        }

        await ForkInclusiveAsync(ctx, graph, execution, node).ConfigureAwait(false);
    }

    private async Task ForkInclusiveAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        var view = View(graph, execution);
        var taken = node.Outgoing
            .Where(f => f.Id != node.DefaultFlowId && (f.Condition is null || expressions.EvaluateCondition(f.Condition, view, f.Id)))
            .ToList();
        if (taken.Count == 0 && node.DefaultFlowId is not null)
        {
            taken.Add(graph.Deployed.Process.FlowsById[node.DefaultFlowId]);
        }

        if (taken.Count == 0)
        {
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.NoFlowTaken.Code, EngineText.Get(EngineErrors.NoFlowTaken, node.Id));
            return;
        }

        ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
        await TakeFlowsAsync(ctx, graph, execution, taken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fires inclusive joins whose waiting is over: no other token of the same scope sits where the join can still be
    /// reached from (boundary paths included). This is the BPMN 2.0 rule, not a dead-path shortcut: a token that is
    /// still upstream, even one waiting at a user task, keeps the join waiting. See doc/adr/0002-inclusive-join.md.
    /// Returns true when a join fired (the agenda has work again).
    /// </summary>
    public bool FireReadyInclusiveJoins(StepContext ctx)
    {
        var fired = false;
        foreach (var graph in ctx.Graphs.Where(g => g.Instance.State == InstanceState.Active).ToList())
        {
            var joins = graph.Executions
                .Where(e => e.State == ExecutionState.Waiting && e.ArrivedVia is not null
                    && graph.Deployed.Process.NodesById.TryGetValue(e.ElementId, out var n)
                    && n.Kind == FlowNodeKind.InclusiveGateway && n.Incoming.Count > 1)
                .Select(e => (e.ElementId, e.ParentId))
                .Distinct()
                .ToList();
            foreach (var (nodeId, scopeId) in joins)
            {
                var node = graph.Deployed.Process.GetNode(nodeId);
                var inScope = graph.Executions.Where(e => e.ParentId == scopeId).ToList();
                var blocked = inScope.Any(e => e.ElementId != nodeId && graph.Deployed.ReachableFrom(e.ElementId).Contains(nodeId));
                if (blocked)
                {
                    continue;
                }

                // consume one token per incoming flow that has one; a second token by the same flow waits for the next round
                var waiting = inScope.Where(e => e.ElementId == nodeId && e.ArrivedVia is not null).ToList();
                var consumed = node.Incoming.Select(f => waiting.FirstOrDefault(e => e.ArrivedVia == f.Id)).OfType<Execution>().ToList();
                var survivor = consumed[0];
                foreach (var other in consumed.Skip(1))
                {
                    RemoveExecution(ctx, graph, other);
                }

                survivor.ArrivedVia = null;
                Schedule(ctx, graph, survivor, node, () => ForkInclusiveAsync(ctx, graph, survivor, node));
                fired = true;
            }
        }

        return fired;
    }

    private static List<Execution> WaitingAtJoin(InstanceGraph graph, Execution execution, FlowNode node) =>
        graph.Executions.Where(e => e.ParentId == execution.ParentId && e.ElementId == node.Id && e.State == ExecutionState.Waiting).ToList();
}
