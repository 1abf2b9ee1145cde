using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Moves tokens. Every method works on instances already loaded into the step and queues further moves on the step's
/// agenda instead of recursing, so long chains of automatic nodes do not grow the stack. Nothing here commits.
/// </summary>
internal sealed partial class Executor(
    DefinitionRepository definitions,
    IExpressionEvaluator expressions,
    IServiceTaskDispatcher dispatcher,
    EngineOptions options,
    GraphLoader loader,
    EngineExtensions extensions)
{
    public const string JournalEntered = "entered";
    public const string JournalCompleted = "completed";

    public IExpressionEvaluator Expressions => expressions;

    // ---------------------------------------------------------------- instances

    public InstanceGraph CreateInstance(StepContext ctx, DeployedProcess deployed, string? businessKey, JsonObject? variables,
        Guid? parentInstanceId = null, Guid? parentExecutionId = null, Guid? rootInstanceId = null)
    {
        var instance = new ProcessInstance
        {
            Id = Guid.NewGuid(),
            DefinitionId = deployed.Record.Id,
            DefinitionKey = deployed.Record.Key,
            DefinitionVersion = deployed.Record.Version,
            BusinessKey = businessKey,
            State = InstanceState.Active,
            StartedBy = ctx.Actor.UserId,
            StartedAt = ctx.Now,
            ParentInstanceId = parentInstanceId,
            ParentExecutionId = parentExecutionId,
        };
        instance.RootInstanceId = rootInstanceId ?? instance.Id;
        var graph = new InstanceGraph { Instance = instance, Deployed = deployed, Variables = variables ?? [] };
        graph.Variables.TryAdd("starter", ctx.Actor.UserId);
        ctx.Session.Add(instance);
        ctx.Track(graph);
        ctx.Journal(graph, "instance-started", null, deployed.Process.Name, dataJson: businessKey is null ? null : new JsonObject { ["businessKey"] = businessKey }.ToJsonString());
        return graph;
    }

    public void StartAt(StepContext ctx, InstanceGraph graph, FlowNode start)
    {
        AddEventSubProcessListeners(ctx, graph, null, null);
        var token = NewExecution(ctx, graph, null, start.Id);
        Schedule(ctx, graph, token, start, () => EnterAsync(ctx, graph, token, start, null));
    }

    private async Task CompleteInstanceAsync(StepContext ctx, InstanceGraph graph, string reason)
    {
        var instance = graph.Instance;
        instance.State = reason == "terminated" ? InstanceState.Terminated : InstanceState.Completed;
        instance.EndReason = reason;
        instance.EndedAt = ctx.Now;
        foreach (var job in graph.Jobs.ToList())
        {
            RemoveJob(ctx, graph, job);
        }

        foreach (var subscription in graph.Subscriptions.ToList())
        {
            RemoveSubscription(ctx, graph, subscription);
        }

        ctx.Journal(graph, "instance-completed", null, comment: reason);
        ctx.EndedInstances.Add(instance);

        if (instance.ParentInstanceId is { } parentId && instance.ParentExecutionId is { } parentExecutionId)
        {
            var parent = await loader.LoadAsync(ctx, parentId).ConfigureAwait(false);
            var waiting = parent.FindExecution(parentExecutionId);
            if (parent.Instance.State == InstanceState.Active && waiting is not null)
            {
                var callNode = parent.Deployed.Process.GetNode(waiting.ElementId);
                var view = View(graph, null);
                foreach (var mapping in callNode.OutMappings)
                {
                    ApplyMapping(mapping, view, parent, callNode.Id);
                }

                Schedule(ctx, parent, waiting, callNode, () => LeaveAsync(ctx, parent, waiting, callNode));
            }
        }
    }

    // ---------------------------------------------------------------- executions

    public Execution NewExecution(StepContext ctx, InstanceGraph graph, Guid? parentId, string elementId,
        ExecutionRole role = ExecutionRole.Token)
    {
        var execution = new Execution
        {
            Id = Guid.NewGuid(),
            InstanceId = graph.Instance.Id,
            ParentId = parentId,
            ElementId = elementId,
            State = ExecutionState.Waiting,
            Role = role,
            CreatedInStep = graph.Instance.StepCount,
            CreatedAt = ctx.Now,
        };
        graph.Executions.Add(execution);
        ctx.Session.Add(execution);
        ctx.CreatedExecutions.Add(execution);
        return execution;
    }

    private static void RemoveExecution(StepContext ctx, InstanceGraph graph, Execution execution)
    {
        if (graph.Executions.Remove(execution))
        {
            ctx.Session.Remove(execution);
        }
    }

    /// <summary>Queues a move; an expression failing inside it becomes an incident at that node and the token stays there.</summary>
    public void Schedule(StepContext ctx, InstanceGraph graph, Execution? execution, FlowNode node, Func<Task> move)
    {
        ctx.Agenda.Enqueue(async () =>
        {
            // an event handled earlier in the step (an interrupting boundary, an event subprocess) may have ended this token;
            // a move without a token (an event for the instance's own scope) needs only the instance
            if ((execution is not null && !graph.Executions.Contains(execution)) || graph.Instance.State != InstanceState.Active)
            {
                return;
            }

            if (++ctx.Moves > options.MaxMovesPerStep)
            {
                ctx.Agenda.Clear();
                CreateIncident(ctx, graph, execution, node.Id, EngineErrors.TooManyMoves.Code, Resources.EngineText.Get(EngineErrors.TooManyMoves, node.Id, options.MaxMovesPerStep));
                return;
            }

            try
            {
                await move().ConfigureAwait(false);
            }
            catch (ExpressionException ex)
            {
                if (execution is not null)
                {
                    execution.ElementId = node.Id;
                }

                CreateIncident(ctx, graph, execution, ex.ElementId, ex.Code, ex.Message);
            }
        });
    }

    public async Task EnterAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node, SequenceFlow? via,
        bool resumingAsync = false)
    {
        execution.ElementId = node.Id;
        execution.ArrivedVia = via?.Id;
        if (!resumingAsync)
        {
            ctx.Journal(graph, JournalEntered, node.Id, node.Name);
        }

        if (node.AsyncBefore && !resumingAsync && execution.Role != ExecutionRole.MultiInstanceInner)
        {
            CreateJob(ctx, graph, execution, node.Id, JobKind.AsyncContinuation, ctx.Now);
            return;
        }

        if (node.Loop is not null && execution.Role != ExecutionRole.MultiInstanceInner)
        {
            await StartMultiInstanceAsync(ctx, graph, execution, node).ConfigureAwait(false);
            return;
        }

        await ExecuteAsync(ctx, graph, execution, node).ConfigureAwait(false);
    }

    /// <summary>Runs a node's behaviour (no async-before or multi-instance handling: the caller did that).</summary>
    public async Task ExecuteAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        execution.ElementId = node.Id;
        switch (node.Kind)
        {
            case FlowNodeKind.StartEvent:
            case FlowNodeKind.Task:
            case FlowNodeKind.ManualTask:
                await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.IntermediateThrowEvent when node.Trigger is EventTrigger.Signal or EventTrigger.Escalation
                or EventTrigger.Link or EventTrigger.Compensation:
                await ThrowFromEventAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.IntermediateCatchEvent when node.Trigger == EventTrigger.Link:
                await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.ScriptTask:
                await RunScriptAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.IntermediateThrowEvent:
                if (node.Topic is not null)
                {
                    await RunServiceAsync(ctx, graph, execution, node, null).ConfigureAwait(false);
                }
                else
                {
                    await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
                }

                break;
            case FlowNodeKind.EndEvent:
                await ExecuteEndEventAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.IntermediateCatchEvent:
                WaitForEvent(ctx, graph, execution, node, execution.Id);
                break;
            case FlowNodeKind.ReceiveTask:
                WaitForEvent(ctx, graph, execution, node, execution.Id);
                AddBoundaryListeners(ctx, graph, execution, node);
                break;
            case FlowNodeKind.UserTask:
                await CreateHumanTaskAsync(ctx, graph, execution, node).ConfigureAwait(false);
                AddBoundaryListeners(ctx, graph, execution, node);
                break;
            case FlowNodeKind.ServiceTask:
            case FlowNodeKind.SendTask:
                await RunServiceAsync(ctx, graph, execution, node, null).ConfigureAwait(false);
                break;
            case FlowNodeKind.ExclusiveGateway:
                await LeaveExclusiveAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.ParallelGateway:
                await ArriveAtParallelGatewayAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.InclusiveGateway:
                await ArriveAtInclusiveGatewayAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.EventBasedGateway:
                foreach (var flow in node.Outgoing)
                {
                    WaitForEvent(ctx, graph, execution, flow.Target, execution.Id);
                }

                break;
            case FlowNodeKind.SubProcess:
                StartSubProcess(ctx, graph, execution, node);
                break;
            case FlowNodeKind.CallActivity:
                await StartCallActivityAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case FlowNodeKind.BoundaryEvent:
                await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"unsupported node {node}");
        }
    }

    /// <summary>Completes a node and takes its outgoing flows (or finishes one instance of a multi-instance activity).</summary>
    /// <summary>
    /// An activity's local variables (its input parameters, a subprocess's scope) end with it, as in Camunda 7: its
    /// output parameters are evaluated first and written to the enclosing scope, then the locals go, so nothing the
    /// activity held leaks into the nodes after it. Service tasks map their outputs when their handler returns.
    /// </summary>
    private void EndActivityScope(InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (!node.IsActivity || execution.Role == ExecutionRole.MultiInstanceInner)
        {
            return;
        }

        if (node.Outputs.Count > 0 && node.Kind is not (FlowNodeKind.ServiceTask or FlowNodeKind.SendTask or FlowNodeKind.CallActivity))
        {
            var view = View(graph, execution);
            var parent = execution.ParentId is { } p ? graph.FindExecution(p) : null;
            foreach (var output in node.Outputs)
            {
                SetVariable(graph, parent, output.Name, output.Value is null ? null : expressions.Evaluate(output.Value, view, node.Id));
            }
        }

        if (graph.HasLocals(execution) && node.Loop is null)
        {
            graph.LocalsOf(execution).Clear();
        }
    }

    public async Task LeaveAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node,
        string journalKind = JournalCompleted)
    {
        ctx.Journal(graph, journalKind, node.Id, node.Name);
        if (journalKind == JournalCompleted)
        {
            RecordCompensation(ctx, graph, execution, node);
        }

        RemoveListenersOf(ctx, graph, execution.Id);
        execution.State = ExecutionState.Waiting;
        if (node.IsForCompensation)
        {
            // a compensation handler's token ends here with its locals (they name the throw it answers)
            await CompensationHandlerDoneAsync(ctx, graph, execution).ConfigureAwait(false);
            return;
        }

        EndActivityScope(graph, execution, node);

        if (execution.Role == ExecutionRole.MultiInstanceInner)
        {
            await CompleteInnerAsync(ctx, graph, execution, node).ConfigureAwait(false);
            return;
        }

        var view = View(graph, execution);
        var taken = new List<SequenceFlow>();
        foreach (var flow in node.Outgoing)
        {
            if (flow.Id == node.DefaultFlowId)
            {
                continue;
            }

            if (flow.Condition is null || expressions.EvaluateCondition(flow.Condition, view, flow.Id))
            {
                taken.Add(flow);
            }
        }

        if (taken.Count == 0 && node.DefaultFlowId is not null)
        {
            taken.Add(graph.Deployed.Process.FlowsById[node.DefaultFlowId]);
        }

        if (taken.Count == 0 && node.Outgoing.Count > 0)
        {
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.NoFlowTaken.Code, Resources.EngineText.Get(EngineErrors.NoFlowTaken, node.Id));
            return;
        }

        await TakeFlowsAsync(ctx, graph, execution, taken).ConfigureAwait(false);
    }

    private async Task TakeFlowsAsync(StepContext ctx, InstanceGraph graph, Execution execution, List<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            await EndTokenAsync(ctx, graph, execution).ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var flow = flows[i];
            var token = i == 0 ? execution : NewExecution(ctx, graph, execution.ParentId, flow.Target.Id);
            token.ElementId = flow.Target.Id;
            token.ArrivedVia = flow.Id;
            Schedule(ctx, graph, token, flow.Target, () => EnterAsync(ctx, graph, token, flow.Target, flow));
        }
    }

    /// <summary>A token ends; when its scope has no tokens left, the scope (subprocess or instance) completes.</summary>
    public async Task EndTokenAsync(StepContext ctx, InstanceGraph graph, Execution execution)
    {
        RemoveExecution(ctx, graph, execution);
        await CompleteScopeIfEmptyAsync(ctx, graph, execution.ParentId).ConfigureAwait(false);
    }

    private async Task CompleteScopeIfEmptyAsync(StepContext ctx, InstanceGraph graph, Guid? scopeId)
    {
        if (graph.Instance.State != InstanceState.Active || graph.Executions.Any(e => e.ParentId == scopeId))
        {
            return;
        }

        if (scopeId is null)
        {
            await CompleteInstanceAsync(ctx, graph, "completed").ConfigureAwait(false);
            return;
        }

        var scope = graph.FindExecution(scopeId.Value);
        if (scope is null)
        {
            return;
        }

        var node = graph.Deployed.Process.GetNode(scope.ElementId);
        scope.State = ExecutionState.Waiting;
        Schedule(ctx, graph, scope, node, () => LeaveAsync(ctx, graph, scope, node));
    }

    private async Task ExecuteEndEventAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        switch (node.Trigger)
        {
            case EventTrigger.Terminate:
                ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
                await TerminateScopeAsync(ctx, graph, execution).ConfigureAwait(false);
                break;
            case EventTrigger.Error:
                ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
                await ThrowErrorAsync(ctx, graph, execution, node.ErrorCode ?? "", null).ConfigureAwait(false);
                break;
            case EventTrigger.Message when node.Topic is not null:
                await RunServiceAsync(ctx, graph, execution, node, null).ConfigureAwait(false);
                break;
            case EventTrigger.Signal or EventTrigger.Escalation or EventTrigger.Compensation:
                await ThrowFromEventAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            case EventTrigger.Cancel:
                await CancelTransactionAsync(ctx, graph, execution, node).ConfigureAwait(false);
                break;
            default:
                ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
                await EndTokenAsync(ctx, graph, execution).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Terminate end event: every token of the enclosing scope ends; the scope itself completes normally.</summary>
    private async Task TerminateScopeAsync(StepContext ctx, InstanceGraph graph, Execution execution)
    {
        var scopeId = execution.ParentId;
        foreach (var sibling in graph.Executions.Where(e => e.ParentId == scopeId).ToList())
        {
            await CancelTreeAsync(ctx, graph, sibling, "terminated").ConfigureAwait(false);
        }

        if (scopeId is null)
        {
            await CompleteInstanceAsync(ctx, graph, "terminated").ConfigureAwait(false);
        }
        else
        {
            await CompleteScopeIfEmptyAsync(ctx, graph, scopeId).ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- cancellation

    /// <summary>Ends an execution and everything under it: tasks cancelled, timers and subscriptions removed, called instances cancelled.</summary>
    public async Task CancelTreeAsync(StepContext ctx, InstanceGraph graph, Execution root, string reason)
    {
        var doomed = new List<Execution> { root };
        for (var i = 0; i < doomed.Count; i++)
        {
            doomed.AddRange(graph.Executions.Where(e => e.ParentId == doomed[i].Id));
        }

        var ids = doomed.Select(e => e.Id).ToHashSet();
        foreach (var task in graph.Tasks.Where(t => t.ExecutionId is { } id && ids.Contains(id) && IsLive(t)))
        {
            task.State = HumanTaskState.Cancelled;
            task.CompletedAt = ctx.Now;
            task.Comment ??= reason;
            ctx.Journal(graph, "task-cancelled", task.ElementId, task.Name, task.Id, reason);
        }

        foreach (var job in graph.Jobs.Where(j => j.ExecutionId is { } id && ids.Contains(id)).ToList())
        {
            RemoveJob(ctx, graph, job);
        }

        foreach (var subscription in graph.Subscriptions.Where(s => s.ExecutionId is { } id && ids.Contains(id)).ToList())
        {
            RemoveSubscription(ctx, graph, subscription);
        }

        foreach (var execution in doomed)
        {
            var node = graph.Deployed.Process.NodesById.GetValueOrDefault(execution.ElementId);
            if (node?.Kind == FlowNodeKind.CallActivity && execution.Role != ExecutionRole.MultiInstanceBody)
            {
                var children = await ctx.Session.ListAsync(ctx.Session.Instances
                    .Where(i => i.ParentExecutionId == execution.Id && i.State == InstanceState.Active)).ConfigureAwait(false);
                foreach (var child in children)
                {
                    var childGraph = await loader.LoadAsync(ctx, child.Id).ConfigureAwait(false);
                    if (childGraph.Instance.State == InstanceState.Active)
                    {
                        await CancelInstanceAsync(ctx, childGraph, reason).ConfigureAwait(false);
                    }
                }
            }

            RemoveExecution(ctx, graph, execution);
        }
    }

    public async Task CancelInstanceAsync(StepContext ctx, InstanceGraph graph, string reason)
    {
        foreach (var execution in graph.Executions.Where(e => e.ParentId is null).ToList())
        {
            await CancelTreeAsync(ctx, graph, execution, reason).ConfigureAwait(false);
        }

        foreach (var job in graph.Jobs.ToList())
        {
            RemoveJob(ctx, graph, job);
        }

        // the process scope's own listeners (event subprocess starts, compensation) belong to no token
        foreach (var subscription in graph.Subscriptions.ToList())
        {
            RemoveSubscription(ctx, graph, subscription);
        }

        graph.Instance.State = InstanceState.Cancelled;
        graph.Instance.EndedAt = ctx.Now;
        graph.Instance.EndReason = reason;
        ctx.Journal(graph, "instance-cancelled", null, comment: reason);
        ctx.EndedInstances.Add(graph.Instance);
    }

    public static bool IsLive(HumanTask task) =>
        task.State is HumanTaskState.Open or HumanTaskState.Pending or HumanTaskState.WaitingForSigners;

    // ---------------------------------------------------------------- incidents

    public void CreateIncident(StepContext ctx, InstanceGraph graph, Execution? execution, string elementId, string code,
        string message, EngineJob? job = null)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            InstanceId = graph.Instance.Id,
            ExecutionId = execution?.Id,
            JobId = job?.Id,
            ElementId = elementId,
            Code = code,
            Message = message,
            CreatedAt = ctx.Now,
        };
        graph.Incidents.Add(incident);
        ctx.Session.Add(incident);
        ctx.NewIncidents.Add(incident);
        ctx.Journal(graph, "incident", elementId, comment: message, dataJson: new JsonObject { ["code"] = code }.ToJsonString());
    }
}
