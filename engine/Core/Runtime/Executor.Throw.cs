using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Throw events other than errors and messages: signals (broadcast to every waiting catch and signal start event, see
/// doc/adr/0008-signal-scope.md), escalations (to the nearest catching boundary or event subprocess, outwards and into
/// the caller; non-critical: uncaught, nothing happens), links (a jump to the link catch of the scope) and compensation.
/// </summary>
internal sealed partial class Executor
{
    private async Task ThrowFromEventAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        switch (node.Trigger)
        {
            case EventTrigger.Link:
                var target = graph.Deployed.Process.NodesOf(node.Parent)
                    .First(n => n.Kind == FlowNodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link && n.LinkName == node.LinkName);
                ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
                execution.ArrivedVia = null;
                Schedule(ctx, graph, execution, target, () => EnterAsync(ctx, graph, execution, target, null));
                return;
            case EventTrigger.Signal:
                await ThrowSignalAsync(ctx, graph, node.SignalName!).ConfigureAwait(false);
                break;
            case EventTrigger.Escalation:
                // an escalation end event has been reached even when an interrupting catch then ends its scope
                var isEnd = node.Kind == FlowNodeKind.EndEvent;
                if (isEnd)
                {
                    ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
                }

                if (await ThrowEscalationAsync(ctx, graph, execution, node.EscalationCode ?? "").ConfigureAwait(false))
                {
                    return; // an interrupting catch ended the scope the thrower was in
                }

                if (isEnd)
                {
                    Schedule(ctx, graph, execution, node, () => EndTokenAsync(ctx, graph, execution));
                    return;
                }

                break;
            case EventTrigger.Compensation:
                // thrown inside an event subprocess, compensation is for the scope the event subprocess interrupted or joined
                var scopeId = execution.ParentId;
                if (scopeId is { } holderId && graph.FindExecution(holderId) is { } holder
                    && graph.Deployed.Process.NodesById.GetValueOrDefault(holder.ElementId) is { TriggeredByEvent: true })
                {
                    scopeId = holder.ParentId;
                }

                await StartCompensationAsync(ctx, graph, execution, node, scopeId).ConfigureAwait(false);
                return;
        }

        // the catches go first (they are on the agenda already), then the thrower moves on
        Schedule(ctx, graph, execution, node, () => FinishThrowAsync(ctx, graph, execution, node));
    }

    /// <summary>The execution that stands for the activity: a multi-instance inner token's body, whose boundaries catch.</summary>
    private static Execution ActivityExecutionOf(InstanceGraph graph, Execution execution) =>
        execution.Role == ExecutionRole.MultiInstanceInner && execution.ParentId is { } bodyId ? graph.FindExecution(bodyId) ?? execution : execution;

    /// <summary>A throw event has done its work: an intermediate one leaves, an end event ends its token.</summary>
    private async Task FinishThrowAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (node.Kind == FlowNodeKind.EndEvent)
        {
            ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
            await EndTokenAsync(ctx, graph, execution).ConfigureAwait(false);
        }
        else
        {
            await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Broadcasts a signal in this step: every subscription waiting for it when it is thrown (committed, or made earlier in
    /// this step by an instance the step holds) receives it once, and every latest definition with a signal start event of
    /// that name starts once. The whole broadcast commits with the step or not at all. Returns how many received it.
    /// </summary>
    public async Task<int> ThrowSignalAsync(StepContext ctx, InstanceGraph? thrower, string signalName)
    {
        if (thrower is not null)
        {
            ctx.Journal(thrower, "signal-thrown", null, comment: signalName);
        }

        var stored = await ctx.Session.ListAsync(ctx.Session.Subscriptions
            .Where(s => s.MessageName == signalName && (s.Kind == SubscriptionKind.Signal || s.Kind == SubscriptionKind.SignalStart))).ConfigureAwait(false);
        var inStep = ctx.Graphs.SelectMany(g => g.Subscriptions).Where(s => s.Kind == SubscriptionKind.Signal && s.MessageName == signalName);
        var receivers = stored.Concat(inStep).DistinctBy(s => s.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToList();
        var delivered = 0;
        foreach (var receiver in receivers)
        {
            if (receiver.Kind == SubscriptionKind.SignalStart)
            {
                var deployed = await definitions.GetAsync(ctx.Session, receiver.DefinitionId!.Value).ConfigureAwait(false);
                var started = CreateInstance(ctx, deployed, null, null);
                ctx.Journal(started, "signal-received", receiver.ElementId, comment: signalName);
                StartAt(ctx, started, deployed.Process.GetNode(receiver.ElementId));
                delivered++;
                continue;
            }

            var graph = await loader.LoadAsync(ctx, receiver.InstanceId!.Value).ConfigureAwait(false);
            var live = graph.Subscriptions.FirstOrDefault(s => s.Id == receiver.Id);
            if (graph.Instance.State != InstanceState.Active || live is null)
            {
                continue; // gone earlier in this step
            }

            ctx.Journal(graph, "signal-received", live.ElementId, comment: signalName);
            var node = graph.Deployed.Process.GetNode(live.ElementId);
            Schedule(ctx, graph, null, node, () => DeliverEventAsync(ctx, graph, live));
            delivered++;
        }

        return delivered;
    }

    /// <summary>
    /// Finds the nearest escalation catch: boundary events of enclosing subprocesses and call activities (the thrower's
    /// own node has none), event subprocesses of enclosing scopes, then the calling instance. Returns true when an
    /// interrupting catch ended the thrower's scope (the thrower must not move on).
    /// </summary>
    public async Task<bool> ThrowEscalationAsync(StepContext ctx, InstanceGraph graph, Execution execution, string code)
    {
        ctx.Journal(graph, "escalation-thrown", execution.ElementId, dataJson: new JsonObject { ["escalationCode"] = code }.ToJsonString());
        var current = execution;
        var currentGraph = graph;
        while (true)
        {
            var activityExecution = ActivityExecutionOf(currentGraph, current);
            var node = currentGraph.Deployed.Process.NodesById.GetValueOrDefault(activityExecution.ElementId);
            if (current != execution || currentGraph != graph)
            {
                var boundaries = node?.Boundaries.Where(b => b.Trigger == EventTrigger.Escalation).ToList() ?? [];
                var boundary = boundaries.FirstOrDefault(b => b.EscalationCode == code) ?? boundaries.FirstOrDefault(b => b.EscalationCode is null);
                if (boundary is not null)
                {
                    currentGraph.Variables["escalationCode"] = code;
                    await TriggerBoundaryAsync(ctx, currentGraph, activityExecution, boundary).ConfigureAwait(false);
                    return boundary.CancelActivity;
                }
            }

            var enclosing = activityExecution.ParentId is { } enclosingId ? currentGraph.FindExecution(enclosingId) : null;
            if (activityExecution.ParentId is null || enclosing is not null)
            {
                var scopeNode = enclosing is null ? null : currentGraph.Deployed.Process.NodesById.GetValueOrDefault(enclosing.ElementId);
                var starts = currentGraph.Deployed.Process.EventSubProcessStartsOf(scopeNode).Where(s => s.Trigger == EventTrigger.Escalation).ToList();
                var start = starts.FirstOrDefault(s => s.EscalationCode == code) ?? starts.FirstOrDefault(s => s.EscalationCode is null);
                if (start is not null)
                {
                    currentGraph.Variables["escalationCode"] = code;
                    await TriggerEventSubProcessAsync(ctx, currentGraph, enclosing, start, null).ConfigureAwait(false);
                    return start.IsInterrupting;
                }
            }

            if (enclosing is not null)
            {
                current = enclosing;
                continue;
            }

            if (currentGraph.Instance.ParentInstanceId is { } parentId && currentGraph.Instance.ParentExecutionId is { } parentExecutionId)
            {
                var parent = await loader.LoadAsync(ctx, parentId).ConfigureAwait(false);
                if (parent.FindExecution(parentExecutionId) is { } waiting)
                {
                    currentGraph = parent;
                    current = waiting;
                    continue;
                }
            }

            ctx.Journal(graph, "escalation-uncaught", execution.ElementId, dataJson: new JsonObject { ["escalationCode"] = code }.ToJsonString());
            return false;
        }
    }
}
