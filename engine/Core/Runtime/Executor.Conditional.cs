using Decoupling.Engine.Entities;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Conditional events (intermediate, boundary, event subprocess start) wait as Conditional subscriptions. Their
/// conditions are evaluated once the step has nothing else to do: a new subscription at once (a condition already true
/// does not wait), the others when the instance's variables changed in the step. A non-interrupting one fires at most
/// once per step. See doc/adr/0010-conditional-evaluation.md.
/// </summary>
internal sealed partial class Executor
{
    private void AddConditional(StepContext ctx, InstanceGraph graph, Guid? executionId, FlowNode eventNode)
    {
        var subscription = AddSubscription(ctx, graph, executionId, eventNode, SubscriptionKind.Conditional, eventNode.Id);
        ctx.NewConditionals.Add(subscription.Id);
        graph.ConditionBaseline ??= graph.VariablesFingerprint();
    }

    /// <summary>Evaluates the conditional events that are due and schedules those whose condition holds; true when any fired.</summary>
    public bool FireConditionalEvents(StepContext ctx)
    {
        var fired = false;
        foreach (var graph in ctx.Graphs.Where(g => g.Instance.State == InstanceState.Active).ToList())
        {
            var waiting = graph.Subscriptions.Where(s => s.Kind == SubscriptionKind.Conditional).ToList();
            if (waiting.Count == 0)
            {
                continue;
            }

            var fingerprint = graph.VariablesFingerprint();
            var changed = graph.ConditionBaseline is not null && graph.ConditionBaseline != fingerprint;
            graph.ConditionBaseline = fingerprint;
            foreach (var subscription in waiting)
            {
                var isNew = ctx.NewConditionals.Remove(subscription.Id);
                if ((!changed && !isNew) || ctx.FiredConditionals.Contains(subscription.Id))
                {
                    continue;
                }

                var node = graph.Deployed.Process.NodesById.GetValueOrDefault(subscription.ElementId);
                var execution = subscription.ExecutionId is { } id ? graph.FindExecution(id) : null;
                if (node?.Condition is null || (subscription.ExecutionId is not null && execution is null))
                {
                    RemoveSubscription(ctx, graph, subscription);
                    continue;
                }

                bool holds;
                try
                {
                    holds = expressions.EvaluateCondition(node.Condition, View(graph, execution), node.Id);
                }
                catch (ExpressionException ex)
                {
                    RemoveSubscription(ctx, graph, subscription);
                    CreateIncident(ctx, graph, execution, ex.ElementId, ex.Code, ex.Message);
                    continue;
                }

                if (!holds)
                {
                    continue;
                }

                ctx.FiredConditionals.Add(subscription.Id);
                ctx.Journal(graph, "condition-met", node.Id, node.Name);
                Schedule(ctx, graph, null, node, () => DeliverEventAsync(ctx, graph, subscription));
                fired = true;
            }
        }

        return fired;
    }
}
