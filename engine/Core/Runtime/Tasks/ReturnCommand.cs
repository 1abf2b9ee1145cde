using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// 退回: sends the case back to a user task completed earlier on a straight line back from this one (through exclusive
/// gateways, events and automatic tasks; never across a parallel or inclusive gateway or out of a subprocess). The
/// re-created task goes to whoever did it before. A task with a form needs a reason. Rules: doc/adr/0003-return-and-withdraw.md.
/// </summary>
internal sealed class ReturnCommand(TaskRuntime runtime)
{
    public const string AllowReturnProperty = "allowReturn";

    public async Task<IReadOnlyList<ReturnTarget>> TargetsAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var task = await session.FirstOrDefaultAsync(session.Tasks.Where(t => t.Id == taskId), cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
        var ctx = new StepContext(session, runtime.Now, Actor.System);
        var graph = await runtime.Loader.LoadAsync(ctx, task.InstanceId).ConfigureAwait(false);
        return Targets(graph, task);
    }

    /// <summary>Return targets, nearest first; none when the node does not allow returning.</summary>
    public static List<ReturnTarget> Targets(InstanceGraph graph, HumanTask task)
    {
        var process = graph.Deployed.Process;
        var start = process.GetNode(task.ElementId);
        if (start.Properties.GetValueOrDefault(AllowReturnProperty) == "false")
        {
            return [];
        }

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

    public Task ReturnAsync(Guid taskId, string targetElementId, Actor actor, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            runtime.RequireWorker(task, actor);
            var node = graph.Deployed.Process.GetNode(task.ElementId);
            if (node.Properties.GetValueOrDefault(AllowReturnProperty) == "false")
            {
                throw new EngineException(EngineErrors.ReturnDisabled, node.DisplayName);
            }

            var target = Targets(graph, task).FirstOrDefault(t => t.ElementId == targetElementId)
                ?? throw new EngineException(EngineErrors.ReturnTargetInvalid, targetElementId, node.DisplayName);
            if (node.Form is not null && string.IsNullOrWhiteSpace(comment))
            {
                throw new EngineException(EngineErrors.CommentRequired, node.DisplayName, "退回");
            }

            TaskRuntime.TakeIfUnassigned(task, actor, ctx);

            var execution = TaskRuntime.ExecutionOf(graph, task);
            var current = execution.Role == ExecutionRole.MultiInstanceInner ? graph.FindExecution(execution.ParentId!.Value)! : execution;
            var scopeId = current.ParentId;
            task.Outcome = "returned";
            task.Comment = comment;
            task.CompletedBy = actor.UserId;
            task.CompletedAt = ctx.Now;
            task.CompletedInStep = ctx.StepOf(graph);
            ctx.Journal(graph, "task-returned", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["target"] = targetElementId }.ToJsonString());
            await runtime.Executor.CancelTreeAsync(ctx, graph, current, "returned").ConfigureAwait(false);
            task.State = HumanTaskState.Completed;

            var targetNode = graph.Deployed.Process.GetNode(targetElementId);
            var token = runtime.Executor.NewExecution(ctx, graph, scopeId, targetElementId);
            runtime.Executor.Schedule(ctx, graph, token, targetNode, () => runtime.Executor.EnterAsync(ctx, graph, token, targetNode, null));
            ReassignNewTask(ctx, graph, targetElementId, target.CompletedBy, targetNode);
        }, cancellationToken);

    /// <summary>A task re-created by return or withdraw goes to the person who did it before, not to the candidate pool again.</summary>
    public static void ReassignNewTask(StepContext ctx, InstanceGraph graph, string elementId, string? assignee, FlowNode node)
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
}
