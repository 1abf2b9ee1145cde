using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Compensation (BPMN 2.0, 10.6.5 and 13.5.6; doc/adr/0009-compensation-order.md). An activity with a compensation
/// boundary event that completes leaves a Compensate subscription in its scope, numbered in order of completion. A
/// compensation throw (intermediate or end event, optionally naming one activity) runs the handlers of the completed
/// activities of its scope one after the other, latest completed first, and moves on when the last has finished. A
/// completed subprocess without a handler of its own keeps its inner subscriptions, and compensating it compensates them
/// (latest first). A cancel end event in a transaction ends the transaction's other tokens, compensates what completed in
/// it and leaves by the transaction's cancel boundary.
/// </summary>
internal sealed partial class Executor
{
    private const string CompensationQueueVariable = "__compensation";
    private const string CompensationForVariable = "__compensationFor";

    /// <summary>Called as an activity completes: remember it (and, for a subprocess, what inside it can still be compensated).</summary>
    private void RecordCompensation(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (node.IsForCompensation || node.Kind is not (FlowNodeKind.SubProcess or FlowNodeKind.ScriptTask or FlowNodeKind.ServiceTask
            or FlowNodeKind.SendTask or FlowNodeKind.UserTask or FlowNodeKind.ReceiveTask or FlowNodeKind.Task or FlowNodeKind.ManualTask
            or FlowNodeKind.CallActivity))
        {
            return;
        }

        var scopeId = execution.Role == ExecutionRole.MultiInstanceInner && execution.ParentId is { } bodyId
            ? graph.FindExecution(bodyId)?.ParentId
            : execution.ParentId;
        Guid? eventScope = null;
        if (node.Kind == FlowNodeKind.SubProcess && !node.TriggeredByEvent && execution.Role != ExecutionRole.MultiInstanceBody)
        {
            var inner = graph.Subscriptions.Where(s => s.Kind == SubscriptionKind.Compensate && s.ExecutionId == execution.Id).ToList();
            if (inner.Count > 0 && node.CompensationHandler is null)
            {
                // the subprocess's scope ends now; what completed in it stays compensable under an event scope of its own
                eventScope = Guid.NewGuid();
                foreach (var subscription in inner)
                {
                    subscription.ExecutionId = eventScope;
                }
            }
        }

        if (node.CompensationHandler is null && eventScope is null)
        {
            return;
        }

        var data = new JsonObject();
        if (eventScope is { } es)
        {
            data["eventScope"] = es.ToString();
        }

        if (graph.HasLocals(execution))
        {
            var locals = (JsonObject)graph.LocalsOf(execution).DeepClone();
            locals.Remove(CompensationForVariable);
            data["locals"] = locals;
        }

        var sequence = graph.Subscriptions.Where(s => s.Kind == SubscriptionKind.Compensate).Select(s => s.Sequence).DefaultIfEmpty(0).Max() + 1;
        var record = AddSubscription(ctx, graph, scopeId, node, SubscriptionKind.Compensate, node.Id);
        record.Sequence = sequence;
        record.DataJson = data.Count == 0 ? null : data.ToJsonString();
    }

    /// <summary>Starts compensating the completed activities of <paramref name="scopeId"/> for the throwing token (which waits meanwhile).</summary>
    private async Task StartCompensationAsync(StepContext ctx, InstanceGraph graph, Execution thrower, FlowNode node, Guid? scopeId)
    {
        ctx.Journal(graph, "compensation-thrown", node.Id, node.Name);
        var queue = new JsonArray();
        foreach (var id in CompensationOrder(ctx, graph, scopeId, node.CompensateActivityRef))
        {
            queue.Add(id.ToString());
        }

        graph.LocalsOf(thrower)[CompensationQueueVariable] = queue;
        await ContinueCompensationAsync(ctx, graph, thrower, node).ConfigureAwait(false);
    }

    /// <summary>The subscriptions to compensate, latest completed first; a subprocess's inner ones take its place in the order.</summary>
    private static List<Guid> CompensationOrder(StepContext ctx, InstanceGraph graph, Guid? scopeId, string? onlyActivity)
    {
        var order = new List<Guid>();
        Expand(scopeId, onlyActivity);
        return order;

        void Expand(Guid? scope, string? only)
        {
            var here = graph.Subscriptions
                .Where(s => s.Kind == SubscriptionKind.Compensate && s.ExecutionId == scope && (only is null || s.ElementId == only))
                .OrderByDescending(s => s.Sequence).ToList();
            foreach (var subscription in here)
            {
                var node = graph.Deployed.Process.NodesById.GetValueOrDefault(subscription.ElementId);
                if (node?.CompensationHandler is not null)
                {
                    order.Add(subscription.Id);
                }
                else if (EventScopeOf(subscription) is { } inner)
                {
                    RemoveSubscription(ctx, graph, subscription);
                    Expand(inner, null);
                }
            }
        }
    }

    private static Guid? EventScopeOf(MessageSubscription subscription) =>
        subscription.DataJson is { } json && JsonNode.Parse(json) is JsonObject data && data["eventScope"]?.GetValue<string>() is { } id
            ? Guid.Parse(id)
            : null;

    /// <summary>Runs the next handler for the thrower, or, when none is left, lets the thrower finish.</summary>
    private async Task ContinueCompensationAsync(StepContext ctx, InstanceGraph graph, Execution thrower, FlowNode node)
    {
        var locals = graph.LocalsOf(thrower);
        var queue = locals[CompensationQueueVariable] as JsonArray ?? [];
        while (queue.Count > 0)
        {
            var id = Guid.Parse(queue[0]!.GetValue<string>());
            queue.RemoveAt(0);
            var subscription = graph.Subscriptions.FirstOrDefault(s => s.Id == id);
            var activity = subscription is null ? null : graph.Deployed.Process.NodesById.GetValueOrDefault(subscription.ElementId);
            if (subscription is null || activity?.CompensationHandler is not { } handler)
            {
                continue;
            }

            RemoveSubscription(ctx, graph, subscription);
            locals[CompensationQueueVariable] = queue.DeepClone();
            var run = NewExecution(ctx, graph, thrower.ParentId, handler.Id);
            var runLocals = graph.LocalsOf(run);
            if (subscription.DataJson is { } json && JsonNode.Parse(json) is JsonObject data && data["locals"] is JsonObject saved)
            {
                foreach (var (name, value) in saved)
                {
                    runLocals[name] = value?.DeepClone();
                }
            }

            runLocals[CompensationForVariable] = thrower.Id.ToString();
            ctx.Journal(graph, "compensation-started", activity.Id, activity.Name, dataJson: new JsonObject { ["handler"] = handler.Id }.ToJsonString());
            Schedule(ctx, graph, run, handler, () => EnterAsync(ctx, graph, run, handler, null));
            return;
        }

        locals.Remove(CompensationQueueVariable);
        if (node.Trigger == EventTrigger.Cancel)
        {
            await LeaveCancelledTransactionAsync(ctx, graph, thrower, node).ConfigureAwait(false);
        }
        else
        {
            Schedule(ctx, graph, thrower, node, () => FinishThrowAsync(ctx, graph, thrower, node));
        }
    }

    /// <summary>A compensation handler finished: its token ends and the thrower that started it goes on with the next one.</summary>
    private async Task CompensationHandlerDoneAsync(StepContext ctx, InstanceGraph graph, Execution run)
    {
        var throwerId = graph.HasLocals(run) && graph.LocalsOf(run)[CompensationForVariable]?.GetValue<string>() is { } id ? Guid.Parse(id) : (Guid?)null;
        RemoveExecution(ctx, graph, run);
        if (throwerId is { } tid && graph.FindExecution(tid) is { } thrower)
        {
            await ContinueCompensationAsync(ctx, graph, thrower, graph.Deployed.Process.GetNode(thrower.ElementId)).ConfigureAwait(false);
        }
    }

    /// <summary>Cancel end event: the transaction's other tokens end, what completed in it is compensated, then its cancel boundary fires.</summary>
    private async Task CancelTransactionAsync(StepContext ctx, InstanceGraph graph, Execution thrower, FlowNode node)
    {
        ctx.Journal(graph, "transaction-cancelled", node.Parent?.Id, node.Parent?.Name);
        foreach (var other in graph.Executions.Where(e => e.ParentId == thrower.ParentId && e != thrower).ToList())
        {
            await CancelTreeAsync(ctx, graph, other, "cancel:" + node.Id).ConfigureAwait(false);
        }

        await StartCompensationAsync(ctx, graph, thrower, node, thrower.ParentId).ConfigureAwait(false);
    }

    private async Task LeaveCancelledTransactionAsync(StepContext ctx, InstanceGraph graph, Execution thrower, FlowNode node)
    {
        ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
        var transaction = thrower.ParentId is { } id ? graph.FindExecution(id) : null;
        if (transaction is null)
        {
            await EndTokenAsync(ctx, graph, thrower).ConfigureAwait(false);
            return;
        }

        var activity = transaction.Role == ExecutionRole.MultiInstanceInner && transaction.ParentId is { } bodyId
            ? graph.FindExecution(bodyId) ?? transaction
            : transaction;
        var boundary = node.Parent!.Boundaries.First(b => b.Trigger == EventTrigger.Cancel);
        await TriggerBoundaryAsync(ctx, graph, activity, boundary).ConfigureAwait(false);
    }
}
