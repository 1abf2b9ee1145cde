using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Resources;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

internal sealed partial class Executor
{
    /// <summary>Makes a token wait for the timer, message, signal or condition of <paramref name="eventNode"/> (a catch event, receive task, or gateway target).</summary>
    private void WaitForEvent(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode eventNode, Guid listenerExecutionId)
    {
        if (eventNode.Trigger == EventTrigger.Timer && eventNode.Timer is not null)
        {
            ScheduleTimer(ctx, graph, execution, listenerExecutionId, eventNode);
        }
        else if (eventNode.Trigger == EventTrigger.Signal && eventNode.SignalName is not null)
        {
            AddSubscription(ctx, graph, listenerExecutionId, eventNode, SubscriptionKind.Signal, eventNode.SignalName);
        }
        else if (eventNode.Trigger == EventTrigger.Conditional)
        {
            AddConditional(ctx, graph, listenerExecutionId, eventNode);
        }
        else if (eventNode.MessageName is not null)
        {
            AddSubscription(ctx, graph, listenerExecutionId, eventNode, SubscriptionKind.Catch);
        }
    }

    /// <summary>Timers and message subscriptions of the boundary events of an activity that now waits.</summary>
    public void AddBoundaryListeners(StepContext ctx, InstanceGraph graph, Execution activityExecution, FlowNode activity)
    {
        if (activityExecution.Role == ExecutionRole.MultiInstanceInner)
        {
            return; // the multi-instance body carries the boundary events
        }

        foreach (var boundary in activity.Boundaries)
        {
            if (boundary.Trigger == EventTrigger.Timer && boundary.Timer is not null)
            {
                ScheduleTimer(ctx, graph, activityExecution, activityExecution.Id, boundary);
            }
            else if (boundary.Trigger == EventTrigger.Message && boundary.MessageName is not null)
            {
                AddSubscription(ctx, graph, activityExecution.Id, boundary, SubscriptionKind.Boundary);
            }
            else if (boundary.Trigger == EventTrigger.Signal && boundary.SignalName is not null)
            {
                AddSubscription(ctx, graph, activityExecution.Id, boundary, SubscriptionKind.Signal, boundary.SignalName);
            }
            else if (boundary.Trigger == EventTrigger.Conditional)
            {
                AddConditional(ctx, graph, activityExecution.Id, boundary);
            }
        }
    }

    private void RemoveListenersOf(StepContext ctx, InstanceGraph graph, Guid executionId)
    {
        foreach (var job in graph.Jobs.Where(j => j.ExecutionId == executionId).ToList())
        {
            RemoveJob(ctx, graph, job);
        }

        foreach (var subscription in graph.Subscriptions.Where(s => s.ExecutionId == executionId).ToList())
        {
            RemoveSubscription(ctx, graph, subscription);
        }
    }

    private void ScheduleTimer(StepContext ctx, InstanceGraph graph, Execution? execution, Guid? listenerExecutionId, FlowNode eventNode)
    {
        var timer = eventNode.Timer!;
        var text = timer.Expression.Trim();
        if (IsoTimer.IsExpression(text))
        {
            text = EvaluateString(text, View(graph, execution), eventNode.Id) ?? "";
        }

        DateTimeOffset due;
        int? remaining = null;
        string? interval = null;
        switch (timer.Kind)
        {
            case TimerKind.Date when IsoTimer.TryParseDate(text, options.TimeZone, out var date):
                due = date;
                break;
            case TimerKind.Duration when IsoTimer.TryParseDuration(text, out var duration):
                due = duration.AddTo(ctx.Now);
                break;
            case TimerKind.Cycle when IsoTimer.TryParseCycle(text, out var repetitions, out var start, out var every):
                due = start is { } s && s > ctx.Now ? s : every.AddTo(ctx.Now);
                remaining = repetitions is { } r ? r - 1 : null;
                interval = every.ToString();
                break;
            default:
                CreateIncident(ctx, graph, execution, eventNode.Id, EngineErrors.BadTimer.Code, EngineText.Get(EngineErrors.BadTimer, eventNode.Id, text));
                return;
        }

        var job = CreateJob(ctx, graph, listenerExecutionId is { } listener ? graph.FindExecution(listener) ?? execution : null, eventNode.Id, JobKind.Timer, due);
        job.RemainingRepeats = remaining;
        job.RepeatInterval = interval;
    }

    public EngineJob CreateJob(StepContext ctx, InstanceGraph graph, Execution? execution, string elementId, JobKind kind, DateTimeOffset due)
    {
        var job = new EngineJob
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            InstanceId = graph.Instance.Id,
            ExecutionId = execution?.Id,
            DefinitionId = graph.Instance.DefinitionId,
            ElementId = elementId,
            DueAt = due,
            Retries = options.JobRetries,
            CreatedAt = ctx.Now,
        };
        graph.Jobs.Add(job);
        ctx.Session.Add(job);
        ctx.NewJobs.Add(job);
        return job;
    }

    public static void RemoveJob(StepContext ctx, InstanceGraph graph, EngineJob job)
    {
        if (graph.Jobs.Remove(job))
        {
            ctx.Session.Remove(job);
            ctx.NewJobs.Remove(job);
        }
    }

    private static MessageSubscription AddSubscription(StepContext ctx, InstanceGraph graph, Guid? executionId, FlowNode eventNode, SubscriptionKind kind,
        string? name = null)
    {
        var subscription = new MessageSubscription
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            MessageName = name ?? eventNode.MessageName!,
            BusinessKey = graph.Instance.BusinessKey,
            InstanceId = graph.Instance.Id,
            ExecutionId = executionId,
            DefinitionId = graph.Instance.DefinitionId,
            ElementId = eventNode.Id,
            CreatedAt = ctx.Now,
        };
        graph.Subscriptions.Add(subscription);
        ctx.Session.Add(subscription);
        return subscription;
    }

    public static void RemoveSubscription(StepContext ctx, InstanceGraph graph, MessageSubscription subscription)
    {
        if (graph.Subscriptions.Remove(subscription))
        {
            ctx.Session.Remove(subscription);
        }
    }

    /// <summary>A due timer job of an instance: an intermediate timer, an event-based gateway's timer, or a boundary timer.</summary>
    public async Task FireTimerAsync(StepContext ctx, InstanceGraph graph, EngineJob job)
    {
        var execution = job.ExecutionId is { } id ? graph.FindExecution(id) : null;
        var eventNode = graph.Deployed.Process.NodesById.GetValueOrDefault(job.ElementId);
        if (eventNode?.EventSubProcess is not null && (job.ExecutionId is null || execution is not null))
        {
            RepeatOrRemove(ctx, graph, job, repeat: !eventNode.IsInterrupting);
            await TriggerEventSubProcessAsync(ctx, graph, execution, eventNode, null).ConfigureAwait(false);
            return;
        }

        if (execution is null || eventNode is null)
        {
            RemoveJob(ctx, graph, job);
            return;
        }

        if (eventNode.Kind == FlowNodeKind.BoundaryEvent)
        {
            RepeatOrRemove(ctx, graph, job, repeat: !eventNode.CancelActivity);
            await TriggerBoundaryAsync(ctx, graph, execution, eventNode).ConfigureAwait(false);
            return;
        }

        RemoveJob(ctx, graph, job);
        await EventArrivedAsync(ctx, graph, execution, eventNode).ConfigureAwait(false);
    }

    /// <summary>A fired timer of a non-interrupting event repeats while its cycle lasts; any other is done.</summary>
    private static void RepeatOrRemove(StepContext ctx, InstanceGraph graph, EngineJob job, bool repeat)
    {
        if (repeat && job.RepeatInterval is not null && job.RemainingRepeats is not (<= 0)
            && IsoTimer.TryParseDuration(job.RepeatInterval, out var every))
        {
            // a repeating reminder: the next firing counts from this one's due time, not from now, so it does not drift
            job.DueAt = every.AddTo(job.DueAt);
            job.RemainingRepeats = job.RemainingRepeats - 1;
            ctx.NewJobs.Add(job);
        }
        else
        {
            RemoveJob(ctx, graph, job);
        }
    }

    /// <summary>A waiting token's timer or message arrived: leave the catch event, or route the event-based gateway.</summary>
    private async Task EventArrivedAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode eventNode)
    {
        var at = graph.Deployed.Process.GetNode(execution.ElementId);
        RemoveListenersOf(ctx, graph, execution.Id);
        if (at.Kind == FlowNodeKind.EventBasedGateway)
        {
            ctx.Journal(graph, JournalCompleted, at.Id, at.Name);
            var flow = at.Outgoing.First(f => f.Target.Id == eventNode.Id);
            execution.ElementId = eventNode.Id;
            execution.ArrivedVia = flow.Id;
            ctx.Journal(graph, JournalEntered, eventNode.Id, eventNode.Name);
        }

        Schedule(ctx, graph, execution, eventNode, () => LeaveAsync(ctx, graph, execution, eventNode));
    }

    /// <summary>Interrupting: the activity and everything in it ends, a token leaves by the boundary. Non-interrupting: a new token only.</summary>
    public async Task TriggerBoundaryAsync(StepContext ctx, InstanceGraph graph, Execution activityExecution, FlowNode boundary)
    {
        ctx.Journal(graph, "boundary-triggered", boundary.Id, boundary.Name,
            dataJson: new JsonObject { ["interrupting"] = boundary.CancelActivity }.ToJsonString());
        var scopeId = activityExecution.ParentId;
        if (boundary.CancelActivity)
        {
            await CancelTreeAsync(ctx, graph, activityExecution, "boundary:" + boundary.Id).ConfigureAwait(false);
        }

        var token = NewExecution(ctx, graph, scopeId, boundary.Id);
        Schedule(ctx, graph, token, boundary, () => LeaveAsync(ctx, graph, token, boundary));
    }

    /// <summary>Delivers a correlated message to the subscription's waiting token, boundary or event subprocess.</summary>
    public async Task DeliverMessageAsync(StepContext ctx, InstanceGraph graph, MessageSubscription subscription, JsonObject? variables)
    {
        ctx.Journal(graph, "message-received", subscription.ElementId, graph.Deployed.Process.NodesById.GetValueOrDefault(subscription.ElementId)?.Name,
            comment: subscription.MessageName);
        SetVariables(graph, null, variables);
        await DeliverEventAsync(ctx, graph, subscription).ConfigureAwait(false);
    }

    /// <summary>
    /// An event (message, signal, condition) arrived for a subscription: an event subprocess starts, a boundary event
    /// fires, or the waiting token (catch event, receive task, event-based gateway) moves on.
    /// </summary>
    public async Task DeliverEventAsync(StepContext ctx, InstanceGraph graph, MessageSubscription subscription)
    {
        if (!graph.Subscriptions.Contains(subscription))
        {
            return; // an interrupting event earlier in the step took it away
        }

        var execution = subscription.ExecutionId is { } id ? graph.FindExecution(id) : null;
        var eventNode = graph.Deployed.Process.NodesById.GetValueOrDefault(subscription.ElementId);
        if (eventNode?.EventSubProcess is not null && (subscription.ExecutionId is null || execution is not null))
        {
            await TriggerEventSubProcessAsync(ctx, graph, execution, eventNode, null).ConfigureAwait(false);
            return;
        }

        if (execution is null || eventNode is null)
        {
            RemoveSubscription(ctx, graph, subscription);
            return;
        }

        if (eventNode.Kind == FlowNodeKind.BoundaryEvent)
        {
            if (eventNode.CancelActivity)
            {
                RemoveSubscription(ctx, graph, subscription);
            }

            await TriggerBoundaryAsync(ctx, graph, execution, eventNode).ConfigureAwait(false);
            return;
        }

        RemoveSubscription(ctx, graph, subscription);
        if (eventNode.Kind == FlowNodeKind.ReceiveTask && execution.ElementId == eventNode.Id)
        {
            RemoveListenersOf(ctx, graph, execution.Id);
            Schedule(ctx, graph, execution, eventNode, () => LeaveAsync(ctx, graph, execution, eventNode));
            return;
        }

        await EventArrivedAsync(ctx, graph, execution, eventNode).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds the nearest boundary error event for <paramref name="errorCode"/>, walking out through subprocesses and
    /// into the calling instance. An exact code wins over a catch-all at the same level. Unhandled: an incident.
    /// </summary>
    public async Task ThrowErrorAsync(StepContext ctx, InstanceGraph graph, Execution execution, string errorCode, string? message)
    {
        void SetErrorVariables(InstanceGraph target)
        {
            if (message is not null)
            {
                target.Variables["errorMessage"] = message;
            }

            target.Variables["errorCode"] = errorCode;
        }

        ctx.Journal(graph, "error-thrown", execution.ElementId, comment: message, dataJson: new JsonObject { ["errorCode"] = errorCode }.ToJsonString());
        var origin = (graph, execution);
        var current = execution;
        var currentGraph = graph;
        while (true)
        {
            var activityExecution = ActivityExecutionOf(currentGraph, current);
            var node = currentGraph.Deployed.Process.NodesById.GetValueOrDefault(activityExecution.ElementId);
            var boundary = node?.Boundaries.FirstOrDefault(b => b.Trigger == EventTrigger.Error && b.ErrorCode == errorCode)
                ?? node?.Boundaries.FirstOrDefault(b => b.Trigger == EventTrigger.Error && b.ErrorCode is null);
            if (boundary is not null)
            {
                SetErrorVariables(currentGraph);
                await TriggerBoundaryAsync(ctx, currentGraph, activityExecution, boundary).ConfigureAwait(false);
                return;
            }

            // an error event subprocess of the enclosing scope catches before that scope's own boundary events
            var enclosing = activityExecution.ParentId is { } enclosingId ? currentGraph.FindExecution(enclosingId) : null;
            if (activityExecution.ParentId is null || enclosing is not null)
            {
                var scopeNode = enclosing is null ? null : currentGraph.Deployed.Process.NodesById.GetValueOrDefault(enclosing.ElementId);
                var starts = currentGraph.Deployed.Process.EventSubProcessStartsOf(scopeNode).Where(s => s.Trigger == EventTrigger.Error).ToList();
                var start = starts.FirstOrDefault(s => s.ErrorCode == errorCode) ?? starts.FirstOrDefault(s => s.ErrorCode is null);
                if (start is not null)
                {
                    SetErrorVariables(currentGraph);
                    await TriggerEventSubProcessAsync(ctx, currentGraph, enclosing, start, null).ConfigureAwait(false);
                    return;
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
                var waiting = parent.FindExecution(parentExecutionId);
                if (waiting is not null)
                {
                    await CancelInstanceAsync(ctx, currentGraph, "error:" + errorCode).ConfigureAwait(false);
                    currentGraph = parent;
                    current = waiting;
                    continue;
                }
            }

            CreateIncident(ctx, origin.graph, origin.execution, origin.execution.ElementId, EngineErrors.UnhandledError.Code,
                EngineText.Get(EngineErrors.UnhandledError, origin.execution.ElementId, errorCode));
            return;
        }
    }
}
