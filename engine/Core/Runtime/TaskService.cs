using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// The human-task inbox and the operations of Chinese approval systems: claim, complete, return (退回), withdraw (撤回),
/// transfer (转办), delegate (委派), add/remove signer (加签/减签), copy (抄送), urge (催办). Each operation is one step,
/// journaled with actor, time and comment, and refused with a stable code when not allowed. Rules: doc/adr/0003-return-and-withdraw.md.
/// </summary>
public sealed class TaskService
{
    private static readonly TimeSpan UrgeInterval = TimeSpan.FromMinutes(10);
    private readonly IEngineStore store;
    private readonly StepRunner steps;
    private readonly GraphLoader loader;
    private readonly Executor executor;
    private readonly IClock clock;

    internal TaskService(IEngineStore store, StepRunner steps, GraphLoader loader, Executor executor, IClock clock)
    {
        this.store = store;
        this.steps = steps;
        this.loader = loader;
        this.executor = executor;
        this.clock = clock;
    }

    // ------------------------------------------------------------ queries

    /// <summary>Open tasks the actor can work: assigned to them, or unassigned with them or one of their groups as candidate.</summary>
    public async Task<IReadOnlyList<HumanTask>> InboxAsync(Actor actor, int skip = 0, int take = 200, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var query = session.Tasks.Where(t => t.State == HumanTaskState.Open).Where(VisibleTo(actor));
        var page = await session.ListAsync(query.OrderBy(t => t.Priority > 50 ? 0 : 1).ThenBy(t => t.CreatedAt).Skip(skip).Take(take), cancellationToken).ConfigureAwait(false);
        EngineTelemetry.InboxDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return page;
    }

    public async Task<int> InboxCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.CountAsync(session.Tasks.Where(t => t.State == HumanTaskState.Open).Where(VisibleTo(actor)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every open task of the district (the leading group's supervision view), oldest first.</summary>
    public async Task<IReadOnlyList<HumanTask>> AllOpenAsync(int take = 5000, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.State == HumanTaskState.Open).OrderBy(t => t.CreatedAt).Take(take), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Open tasks whose due time has passed, oldest due first (the overdue scan reminds and escalates them).</summary>
    public async Task<IReadOnlyList<HumanTask>> OverdueAsync(DateTimeOffset now, int take = 500, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.State == HumanTaskState.Open && t.DueAt != null && t.DueAt < now)
            .OrderBy(t => t.DueAt).Take(take), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>已办: tasks the actor completed.</summary>
    public async Task<IReadOnlyList<HumanTask>> DoneAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.CompletedBy == actor.UserId && t.State != HumanTaskState.Cancelled)
            .OrderByDescending(t => t.CompletedInStep).Take(take), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>抄送我的.</summary>
    public async Task<IReadOnlyList<TaskCopy>> CopiesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Copies.Where(c => c.Recipient == actor.UserId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<HumanTask?> GetAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.FirstOrDefaultAsync(session.Tasks.Where(t => t.Id == taskId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tasks of an instance tree, open and finished (the task page's timeline).</summary>
    public async Task<IReadOnlyList<HumanTask>> OfInstanceAsync(Guid rootInstanceId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.RootInstanceId == rootInstanceId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds "assignee is me, or unassigned and I am a candidate (myself or one of my groups)" as a translatable predicate.</summary>
    public static Expression<Func<HumanTask, bool>> VisibleTo(Actor actor)
    {
        var task = Expression.Parameter(typeof(HumanTask), "t");
        var assignee = Expression.Property(task, nameof(HumanTask.Assignee));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression candidate = Expression.Call(Expression.Property(task, nameof(HumanTask.CandidateUsers)), contains,
            Expression.Constant("," + actor.UserId + ","));
        foreach (var group in actor.Groups)
        {
            candidate = Expression.OrElse(candidate, Expression.Call(Expression.Property(task, nameof(HumanTask.CandidateGroups)), contains,
                Expression.Constant("," + group + ",")));
        }

        var body = Expression.OrElse(
            Expression.Equal(assignee, Expression.Constant(actor.UserId, typeof(string))),
            Expression.AndAlso(Expression.Equal(assignee, Expression.Constant(null, typeof(string))), candidate));
        return Expression.Lambda<Func<HumanTask, bool>>(body, task);
    }

    // ------------------------------------------------------------ claim

    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            if (task.Assignee is not null)
            {
                throw new EngineException(task.Assignee == actor.UserId ? EngineErrors.TaskAlreadyYours : EngineErrors.TaskClaimedByOther, task.Assignee);
            }

            if (!IsCandidate(task, actor))
            {
                throw new EngineException(EngineErrors.TaskForbidden);
            }

            task.Assignee = actor.UserId;
            task.ClaimedAt = ctx.Now;
            task.Touched = true;
            ctx.Journal(graph, "task-claimed", task.ElementId, task.Name, task.Id);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            if (task.Assignee != actor.UserId || (task.CandidateUsers.Length == 0 && task.CandidateGroups.Length == 0))
            {
                throw new EngineException(EngineErrors.UnclaimNotAllowed);
            }

            task.Assignee = null;
            task.ClaimedAt = null;
            ctx.Journal(graph, "task-unclaimed", task.ElementId, task.Name, task.Id);
            return Task.CompletedTask;
        }, cancellationToken);

    // ------------------------------------------------------------ complete

    /// <summary>
    /// Completes a task with an outcome (approve, reject...) and variables. A delegated task goes back to its owner instead
    /// (委派); a task with signers before it (前加签) waits for them; signers after it (后加签) sign before the token moves.
    /// </summary>
    public Task CompleteAsync(Guid taskId, Actor actor, string? outcome, JsonObject? variables, string? comment,
        CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            RequireWorker(task, actor, autoClaim: true, ctx);
            var node = graph.Deployed.Process.GetNode(task.ElementId);
            if (string.IsNullOrWhiteSpace(comment) && node.Properties.TryGetValue("requireComment", out var rc) && rc == "true")
            {
                throw new EngineException(EngineErrors.CommentRequired, task.Name ?? task.ElementId);
            }

            if (task.Delegation == DelegationState.Pending)
            {
                task.Assignee = task.Owner;
                task.Delegation = DelegationState.Resolved;
                task.VariablesJson = variables?.ToJsonString();
                Executor.SetVariables(graph, Execution(graph, task), variables);
                ctx.Journal(graph, "task-resolved", task.ElementId, task.Name, task.Id, comment);
                return;
            }

            if (graph.Tasks.Any(t => t.ParentTaskId == task.Id && t.SignerPosition == SignerPosition.Before && t.State == HumanTaskState.Open))
            {
                throw new EngineException(EngineErrors.SignersBeforePending);
            }

            task.Outcome = outcome;
            task.Comment = comment;
            task.VariablesJson = variables?.ToJsonString();
            task.CompletedBy = actor.UserId;
            task.CompletedOnBehalfOf = actor.OnBehalfOf;
            task.CompletedAt = ctx.Now;
            task.CompletedInStep = ctx.StepOf(graph);

            if (task.ParentTaskId is { } parentId)
            {
                task.State = HumanTaskState.Completed;
                ctx.Journal(graph, "signer-completed", task.ElementId, task.Name, task.Id, comment, OutcomeData(outcome));
                var parent = graph.Tasks.First(t => t.Id == parentId);
                if (parent.State == HumanTaskState.WaitingForSigners && !graph.Tasks.Any(t => t.ParentTaskId == parentId && Executor.IsLive(t)))
                {
                    parent.State = HumanTaskState.Completed;
                    await MoveOnAsync(ctx, graph, parent, parent.Outcome, null).ConfigureAwait(false);
                }

                return;
            }

            var after = graph.Tasks.Where(t => t.ParentTaskId == task.Id && t.State == HumanTaskState.Pending).ToList();
            if (after.Count > 0)
            {
                task.State = HumanTaskState.WaitingForSigners;
                Executor.SetVariables(graph, Execution(graph, task), variables);
                foreach (var signer in after)
                {
                    signer.State = HumanTaskState.Open;
                    signer.CreatedInStep = ctx.StepOf(graph);
                    ctx.NewTasks.Add(signer);
                }

                ctx.Journal(graph, "task-completed", task.ElementId, task.Name, task.Id, comment, OutcomeData(outcome));
                return;
            }

            task.State = HumanTaskState.Completed;
            var entry = ctx.Journal(graph, "task-completed", task.ElementId, task.Name, task.Id, comment, OutcomeData(outcome));
            var execution = Execution(graph, task);
            await MoveOnAsync(ctx, graph, task, outcome, variables).ConfigureAwait(false);
            ctx.AfterDrain.Add(() => entry.DataJson = WithdrawRecord(ctx, graph, execution, outcome));
        }, cancellationToken);

    private Task MoveOnAsync(StepContext ctx, InstanceGraph graph, HumanTask task, string? outcome, JsonObject? variables)
    {
        var execution = Execution(graph, task);
        Executor.SetVariables(graph, execution, variables);
        if (outcome is not null)
        {
            Executor.SetVariable(graph, null, "outcome", outcome);
        }

        executor.CountOutcome(graph, execution, outcome);
        var node = graph.Deployed.Process.GetNode(task.ElementId);
        executor.Schedule(ctx, graph, execution, node, () => executor.LeaveAsync(ctx, graph, execution, node));
        return Task.CompletedTask;
    }

    /// <summary>What the completion produced, kept in its journal entry so a withdrawal can check nothing has moved since.</summary>
    private static string WithdrawRecord(StepContext ctx, InstanceGraph graph, Execution execution, string? outcome)
    {
        var produced = new JsonArray();
        foreach (var e in graph.Executions.Where(e => e.Id == execution.Id || ctx.CreatedExecutions.Contains(e)))
        {
            produced.Add(new JsonObject { ["id"] = e.Id.ToString(), ["element"] = e.ElementId });
        }

        return new JsonObject
        {
            ["outcome"] = outcome,
            ["produced"] = produced,
            ["sideEffects"] = ctx.HadSideEffects || graph.Instance.State != InstanceState.Active,
            ["scope"] = execution.ParentId?.ToString(),
            ["multiInstance"] = execution.Role == ExecutionRole.MultiInstanceInner,
        }.ToJsonString();
    }

    private static string? OutcomeData(string? outcome) => outcome is null ? null : new JsonObject { ["outcome"] = outcome }.ToJsonString();

    // ------------------------------------------------------------ return (退回)

    /// <summary>
    /// Where this task may be returned to: user tasks completed earlier in this instance that lie on a straight line back
    /// from it (through exclusive gateways, events and automatic tasks; never across a parallel or inclusive gateway or
    /// out of a subprocess), nearest first.
    /// </summary>
    public async Task<IReadOnlyList<ReturnTarget>> ReturnTargetsAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var task = await session.FirstOrDefaultAsync(session.Tasks.Where(t => t.Id == taskId), cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
        var ctx = new StepContext(session, clock.Now, Actor.System);
        var graph = await loader.LoadAsync(ctx, task.InstanceId).ConfigureAwait(false);
        return FindReturnTargets(graph, task);
    }

    private static List<ReturnTarget> FindReturnTargets(InstanceGraph graph, HumanTask task)
    {
        var process = graph.Deployed.Process;
        var start = process.GetNode(task.ElementId);
        var targets = new List<ReturnTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var frontier = new Queue<FlowNode>([start]);
        while (frontier.Count > 0)
        {
            var node = frontier.Dequeue();
            foreach (var source in node.Incoming.Select(f => f.Source))
            {
                if (!seen.Add(source.Id) || source.Kind is FlowNodeKind.ParallelGateway or FlowNodeKind.InclusiveGateway
                    or FlowNodeKind.SubProcess or FlowNodeKind.CallActivity or FlowNodeKind.StartEvent or FlowNodeKind.BoundaryEvent)
                {
                    continue;
                }

                if (source.Kind == FlowNodeKind.UserTask)
                {
                    var last = graph.Tasks.Where(t => t.ElementId == source.Id && t.State == HumanTaskState.Completed && t.ParentTaskId == null)
                        .OrderByDescending(t => t.CompletedInStep).FirstOrDefault();
                    if (last is not null)
                    {
                        targets.Add(new ReturnTarget(source.Id, source.DisplayName, last.CompletedBy, last.CompletedAt));
                    }
                }

                frontier.Enqueue(source);
            }
        }

        return targets;
    }

    public Task ReturnAsync(Guid taskId, string targetElementId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            RequireWorker(task, actor, autoClaim: true, ctx);
            var node = graph.Deployed.Process.GetNode(task.ElementId);
            if (node.Properties.TryGetValue("allowReturn", out var allowed) && allowed == "false")
            {
                throw new EngineException(EngineErrors.ReturnDisabled, node.DisplayName);
            }

            var target = FindReturnTargets(graph, task).FirstOrDefault(t => t.ElementId == targetElementId)
                ?? throw new EngineException(EngineErrors.ReturnTargetInvalid, targetElementId, node.DisplayName);

            var execution = Execution(graph, task);
            var current = execution.Role == ExecutionRole.MultiInstanceInner ? graph.FindExecution(execution.ParentId!.Value)! : execution;
            var scopeId = current.ParentId;
            task.Outcome = "returned";
            task.Comment = comment;
            task.CompletedBy = actor.UserId;
            task.CompletedAt = ctx.Now;
            task.CompletedInStep = ctx.StepOf(graph);
            ctx.Journal(graph, "task-returned", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["target"] = targetElementId }.ToJsonString());
            await executor.CancelTreeAsync(ctx, graph, current, "returned").ConfigureAwait(false);
            task.State = HumanTaskState.Completed;

            var targetNode = graph.Deployed.Process.GetNode(targetElementId);
            var token = executor.NewExecution(ctx, graph, scopeId, targetElementId);
            executor.Schedule(ctx, graph, token, targetNode, () => executor.EnterAsync(ctx, graph, token, targetNode, null));
            ReassignNewTask(ctx, graph, targetElementId, target.CompletedBy, targetNode);
        }, cancellationToken);

    /// <summary>A task re-created by return or withdraw goes to the person who did it before, not to the candidate pool again.</summary>
    private static void ReassignNewTask(StepContext ctx, InstanceGraph graph, string elementId, string? assignee, FlowNode node)
    {
        if (assignee is null || node.Loop is not null)
        {
            return;
        }

        ctx.AfterDrain.Add(() =>
        {
            foreach (var created in ctx.NewTasks.Where(t => t.ElementId == elementId && t.InstanceId == graph.Instance.Id))
            {
                created.Assignee = assignee;
            }
        });
    }

    // ------------------------------------------------------------ withdraw (撤回)

    /// <summary>
    /// Takes back a completion: only by the person who completed it, only if the node allows it, only if nothing the
    /// completion produced has been touched or moved, and only if it triggered no side effect (service task, called process, end).
    /// </summary>
    public Task WithdrawAsync(Guid completedTaskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(completedTaskId, actor, async (ctx, graph, task) =>
        {
            if (task.State != HumanTaskState.Completed || task.CompletedBy != actor.UserId || task.Outcome == "returned")
            {
                throw new EngineException(EngineErrors.WithdrawNotYours);
            }

            var node = graph.Deployed.Process.GetNode(task.ElementId);
            if (node.Properties.TryGetValue("allowWithdraw", out var allowed) && allowed == "false")
            {
                throw new EngineException(EngineErrors.WithdrawDisabled, node.DisplayName);
            }

            var entry = await ctx.Session.FirstOrDefaultAsync(ctx.Session.Journal
                .Where(j => j.TaskId == task.Id && j.Kind == "task-completed").OrderByDescending(j => j.Id), cancellationToken).ConfigureAwait(false);
            var record = entry?.DataJson is null ? null : JsonNode.Parse(entry.DataJson) as JsonObject;
            if (record is null || record["produced"] is not JsonArray produced)
            {
                throw new EngineException(EngineErrors.WithdrawTooLate);
            }

            if (record["sideEffects"]?.GetValue<bool>() == true || record["multiInstance"]?.GetValue<bool>() == true)
            {
                throw new EngineException(EngineErrors.WithdrawSideEffects);
            }

            var executions = new List<Execution>();
            foreach (var item in produced.OfType<JsonObject>())
            {
                var execution = graph.FindExecution(Guid.Parse(item["id"]!.GetValue<string>()));
                if (execution is null || execution.ElementId != item["element"]!.GetValue<string>())
                {
                    throw new EngineException(EngineErrors.WithdrawTooLate);
                }

                executions.Add(execution);
            }

            var ids = executions.Select(e => e.Id).ToHashSet();
            var nextTasks = graph.Tasks.Where(t => t.ExecutionId is { } id && ids.Contains(id) && Executor.IsLive(t)).ToList();
            if (nextTasks.Any(t => t.Touched || t.State != HumanTaskState.Open || t.CreatedInStep != task.CompletedInStep
                || graph.Tasks.Any(s => s.ParentTaskId == t.Id)))
            {
                throw new EngineException(EngineErrors.WithdrawTooLate);
            }

            ctx.Journal(graph, "task-withdrawn", task.ElementId, task.Name, task.Id, comment);
            foreach (var execution in executions)
            {
                await executor.CancelTreeAsync(ctx, graph, execution, "withdrawn").ConfigureAwait(false);
            }

            var scopeId = record["scope"]?.GetValue<string>() is { } s ? Guid.Parse(s) : (Guid?)null;
            var token = executor.NewExecution(ctx, graph, scopeId, node.Id);
            executor.Schedule(ctx, graph, token, node, () => executor.EnterAsync(ctx, graph, token, node, null));
            ReassignNewTask(ctx, graph, node.Id, actor.UserId, node);
        }, cancellationToken);

    // ------------------------------------------------------------ transfer, delegate, signers

    /// <summary>转办: the task changes hands for good.</summary>
    public Task TransferAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            RequireWorker(task, actor, autoClaim: true, ctx);
            RequireOtherUser(toUser, task.Assignee);
            if (task.Delegation == DelegationState.Pending)
            {
                throw new EngineException(EngineErrors.TaskDelegated);
            }

            var from = task.Assignee;
            task.Assignee = toUser;
            task.Touched = true;
            ctx.NewTasks.Add(task);
            ctx.Journal(graph, "task-transferred", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["from"] = from, ["to"] = toUser }.ToJsonString());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>委派: the delegate works the task; completing it returns it to the owner, who then completes it.</summary>
    public Task DelegateAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            RequireWorker(task, actor, autoClaim: true, ctx);
            RequireOtherUser(toUser, task.Assignee);
            if (task.Delegation == DelegationState.Pending)
            {
                throw new EngineException(EngineErrors.TaskDelegated);
            }

            task.Owner = task.Assignee;
            task.Assignee = toUser;
            task.Delegation = DelegationState.Pending;
            task.Touched = true;
            ctx.NewTasks.Add(task);
            ctx.Journal(graph, "task-delegated", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["owner"] = task.Owner, ["delegate"] = toUser }.ToJsonString());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>加签: before (the assignee waits for them) or after (they sign once the assignee has completed).</summary>
    public Task<IReadOnlyList<HumanTask>> AddSignersAsync(Guid taskId, Actor actor, IReadOnlyList<string> users, SignerPosition position,
        string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync<IReadOnlyList<HumanTask>>(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            RequireWorker(task, actor, autoClaim: true, ctx);
            if (position == SignerPosition.None || users.Count == 0 || task.ParentTaskId is not null)
            {
                throw new EngineException(EngineErrors.SignerInvalid);
            }

            var added = new List<HumanTask>();
            foreach (var user in users.Distinct(StringComparer.Ordinal))
            {
                if (user == task.Assignee || graph.Tasks.Any(t => t.ParentTaskId == task.Id && t.Assignee == user && Executor.IsLive(t)))
                {
                    throw new EngineException(EngineErrors.SignerDuplicate, user);
                }

                var signer = new HumanTask
                {
                    Id = Guid.NewGuid(),
                    InstanceId = task.InstanceId,
                    RootInstanceId = task.RootInstanceId,
                    ExecutionId = task.ExecutionId,
                    ElementId = task.ElementId,
                    Name = task.Name,
                    DefinitionKey = task.DefinitionKey,
                    BusinessKey = task.BusinessKey,
                    Assignee = user,
                    DueAt = task.DueAt,
                    Priority = task.Priority,
                    FormKey = task.FormKey,
                    State = position == SignerPosition.Before ? HumanTaskState.Open : HumanTaskState.Pending,
                    ParentTaskId = task.Id,
                    SignerPosition = position,
                    AddedBy = actor.UserId,
                    CreatedAt = ctx.Now,
                    CreatedInStep = ctx.StepOf(graph),
                };
                graph.Tasks.Add(signer);
                ctx.Session.Add(signer);
                if (signer.State == HumanTaskState.Open)
                {
                    ctx.NewTasks.Add(signer);
                }

                added.Add(signer);
            }

            task.Touched = true;
            ctx.Journal(graph, "signers-added", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["position"] = position.ToString(), ["users"] = new JsonArray([.. users.Select(u => (JsonNode)u)]) }.ToJsonString());
            return Task.FromResult<IReadOnlyList<HumanTask>>(added);
        }, cancellationToken);

    /// <summary>减签: removes a signer who has not signed yet; by whoever added them or the task's assignee.</summary>
    public Task RemoveSignerAsync(Guid signerTaskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(signerTaskId, actor, async (ctx, graph, signer) =>
        {
            if (signer.ParentTaskId is not { } parentId || !(signer.State is HumanTaskState.Open or HumanTaskState.Pending))
            {
                throw new EngineException(EngineErrors.SignerNotRemovable);
            }

            var parent = graph.Tasks.First(t => t.Id == parentId);
            if (!actor.IsAdmin && signer.AddedBy != actor.UserId && parent.Assignee != actor.UserId)
            {
                throw new EngineException(EngineErrors.TaskForbidden);
            }

            signer.State = HumanTaskState.Cancelled;
            signer.CompletedAt = ctx.Now;
            ctx.Journal(graph, "signer-removed", signer.ElementId, signer.Name, parent.Id, comment,
                new JsonObject { ["signer"] = signer.Assignee }.ToJsonString());
            if (parent.State == HumanTaskState.WaitingForSigners && !graph.Tasks.Any(t => t.ParentTaskId == parentId && Executor.IsLive(t)))
            {
                parent.State = HumanTaskState.Completed;
                await MoveOnAsync(ctx, graph, parent, parent.Outcome, null).ConfigureAwait(false);
            }
        }, cancellationToken);

    // ------------------------------------------------------------ copy, urge

    /// <summary>抄送: read-only notices; by anyone who can see the task or started the instance.</summary>
    public Task CopyAsync(Guid taskId, Actor actor, IReadOnlyList<string> recipients, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            if (!actor.IsAdmin && !CanSee(task, actor) && graph.Instance.StartedBy != actor.UserId)
            {
                throw new EngineException(EngineErrors.TaskForbidden);
            }

            foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
            {
                var copy = new TaskCopy
                {
                    Id = Guid.NewGuid(),
                    InstanceId = task.InstanceId,
                    TaskId = task.Id,
                    ElementId = task.ElementId,
                    BusinessKey = task.BusinessKey,
                    Recipient = recipient,
                    FromUser = actor.UserId,
                    Comment = comment,
                    CreatedAt = ctx.Now,
                };
                ctx.Session.Add(copy);
                ctx.Announcements.Add(l => l.TaskCopied(copy));
            }

            ctx.Journal(graph, "task-copied", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["to"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]) }.ToJsonString());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>催办: by the starter, someone who already acted in the instance, or an administrator; at most once per ten minutes.</summary>
    public Task UrgeAsync(Guid taskId, Actor actor, string? comment, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            RequireState(task, HumanTaskState.Open);
            var involved = actor.IsAdmin || graph.Instance.StartedBy == actor.UserId
                || graph.Tasks.Any(t => t.CompletedBy == actor.UserId);
            if (!involved)
            {
                throw new EngineException(EngineErrors.UrgeForbidden);
            }

            if (task.LastUrgedAt is { } last && ctx.Now - last < UrgeInterval)
            {
                throw new EngineException(EngineErrors.UrgeTooSoon, (int)UrgeInterval.TotalMinutes);
            }

            task.UrgeCount++;
            task.LastUrgedAt = ctx.Now;
            ctx.Journal(graph, "task-urged", task.ElementId, task.Name, task.Id, comment);
            ctx.Announcements.Add(l => l.TaskUrged(task, actor.UserId, comment));
            return Task.CompletedTask;
        }, cancellationToken);

    // ------------------------------------------------------------ helpers

    private Task OnTaskAsync(Guid taskId, Actor actor, Func<StepContext, InstanceGraph, HumanTask, Task> operation, CancellationToken cancellationToken) =>
        OnTaskAsync<bool>(taskId, actor, async (ctx, graph, task) =>
        {
            await operation(ctx, graph, task).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private Task<T> OnTaskAsync<T>(Guid taskId, Actor actor, Func<StepContext, InstanceGraph, HumanTask, Task<T>> operation,
        CancellationToken cancellationToken) =>
        steps.RunAsync(actor, async ctx =>
        {
            var instance = await ctx.Session.FindInstanceOfTaskAsync(taskId, cancellationToken).ConfigureAwait(false)
                ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
            var graph = await loader.LoadAsync(ctx, instance).ConfigureAwait(false);
            if (graph.Instance.State != InstanceState.Active)
            {
                throw new EngineException(EngineErrors.InstanceNotActive, graph.Instance.Id);
            }

            return await operation(ctx, graph, graph.Tasks.First(t => t.Id == taskId)).ConfigureAwait(false);
        }, cancellationToken);

    private static Execution Execution(InstanceGraph graph, HumanTask task) =>
        (task.ExecutionId is { } id ? graph.FindExecution(id) : null) ?? throw new EngineException(EngineErrors.TaskNotActive, task.Id);

    private static void RequireState(HumanTask task, HumanTaskState state)
    {
        if (task.State != state)
        {
            throw new EngineException(EngineErrors.TaskNotActive, task.Name ?? task.ElementId);
        }
    }

    private static void RequireOtherUser(string toUser, string? current)
    {
        if (string.IsNullOrWhiteSpace(toUser) || toUser == current)
        {
            throw new EngineException(EngineErrors.TargetUserInvalid, toUser);
        }
    }

    /// <summary>Only the assignee works a task; an unassigned one is claimed by the candidate who acts on it.</summary>
    private static void RequireWorker(HumanTask task, Actor actor, bool autoClaim, StepContext ctx)
    {
        if (task.Assignee == actor.UserId || actor.IsAdmin)
        {
            return;
        }

        if (task.Assignee is null && autoClaim && IsCandidate(task, actor))
        {
            task.Assignee = actor.UserId;
            task.ClaimedAt = ctx.Now;
            return;
        }

        throw new EngineException(EngineErrors.TaskForbidden);
    }

    private static bool IsCandidate(HumanTask task, Actor actor) =>
        task.CandidateUsers.Contains("," + actor.UserId + ",", StringComparison.Ordinal)
        || actor.Groups.Any(g => task.CandidateGroups.Contains("," + g + ",", StringComparison.Ordinal));

    private static bool CanSee(HumanTask task, Actor actor) => task.Assignee == actor.UserId || task.Owner == actor.UserId || IsCandidate(task, actor);
}
