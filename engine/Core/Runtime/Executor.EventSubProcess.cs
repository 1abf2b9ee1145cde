using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Event subprocesses: while their scope (the process, a subprocess, one instance of a multi-instance subprocess) runs,
/// the start event of each waits as a listener of the scope (timer job, message/signal/conditional subscription; error
/// and escalation starts are found by the throw). Interrupting: the scope's tokens and listeners end and the event
/// subprocess runs alone; non-interrupting: it runs beside them, and its listener stays. The scope completes when
/// nothing runs in it any more.
/// </summary>
internal sealed partial class Executor
{
    /// <summary>Listeners of the event subprocesses directly in <paramref name="scopeNode"/> (the process when null).</summary>
    public void AddEventSubProcessListeners(StepContext ctx, InstanceGraph graph, Execution? scopeExecution, FlowNode? scopeNode)
    {
        foreach (var start in graph.Deployed.Process.EventSubProcessStartsOf(scopeNode))
        {
            switch (start.Trigger)
            {
                case EventTrigger.Timer when start.Timer is not null:
                    ScheduleTimer(ctx, graph, scopeExecution, scopeExecution?.Id, start);
                    break;
                case EventTrigger.Message when start.MessageName is not null:
                    AddSubscription(ctx, graph, scopeExecution?.Id, start, SubscriptionKind.Catch);
                    break;
                case EventTrigger.Signal when start.SignalName is not null:
                    AddSubscription(ctx, graph, scopeExecution?.Id, start, SubscriptionKind.Signal, start.SignalName);
                    break;
                case EventTrigger.Conditional:
                    AddConditional(ctx, graph, scopeExecution?.Id, start);
                    break;
            }
        }
    }

    /// <summary>Starts the event subprocess of <paramref name="start"/> in its scope (<paramref name="scopeExecution"/>, null for the process).</summary>
    public async Task TriggerEventSubProcessAsync(StepContext ctx, InstanceGraph graph, Execution? scopeExecution, FlowNode start, JsonObject? variables)
    {
        var eventSubProcess = start.Parent!;
        var scopeId = scopeExecution?.Id;
        SetVariables(graph, null, variables);
        ctx.Journal(graph, "event-subprocess-triggered", eventSubProcess.Id, eventSubProcess.Name,
            dataJson: new JsonObject { ["interrupting"] = start.IsInterrupting, ["start"] = start.Id }.ToJsonString());
        if (start.IsInterrupting)
        {
            var scopeStarts = graph.Deployed.Process.EventSubProcessStartsOf(eventSubProcess.Parent).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var job in graph.Jobs.Where(j => j.ExecutionId == scopeId && scopeStarts.Contains(j.ElementId)).ToList())
            {
                RemoveJob(ctx, graph, job);
            }

            foreach (var subscription in graph.Subscriptions.Where(s => s.ExecutionId == scopeId && scopeStarts.Contains(s.ElementId)).ToList())
            {
                RemoveSubscription(ctx, graph, subscription);
            }

            foreach (var child in graph.Executions.Where(e => e.ParentId == scopeId).ToList())
            {
                await CancelTreeAsync(ctx, graph, child, "event-subprocess:" + eventSubProcess.Id).ConfigureAwait(false);
            }
        }

        var holder = NewExecution(ctx, graph, scopeId, eventSubProcess.Id);
        holder.State = ExecutionState.Scope;
        ctx.Journal(graph, JournalEntered, eventSubProcess.Id, eventSubProcess.Name);
        AddEventSubProcessListeners(ctx, graph, holder, eventSubProcess);
        var token = NewExecution(ctx, graph, holder.Id, start.Id);
        Schedule(ctx, graph, token, start, () => EnterAsync(ctx, graph, token, start, null));
    }
}
