using System.Text.Json.Nodes;
using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// 转办 (the task changes hands for good) and 委派 (the delegate works it, then it goes back to the owner). The new
/// holder must be someone the task may go to (the access policy's MayReceive).
/// </summary>
internal sealed class HandOverCommands(TaskRuntime runtime)
{
    public Task TransferAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            await PrepareAsync(ctx, graph, task, actor, toUser, HandOver.Transfer, cancellationToken).ConfigureAwait(false);
            var from = task.Assignee;
            task.Assignee = toUser;
            task.Touched = true;
            ctx.NewTasks.Add(task);
            ctx.Journal(graph, "task-transferred", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["from"] = from, ["to"] = toUser }.ToJsonString());
        }, cancellationToken);

    public Task DelegateAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            await PrepareAsync(ctx, graph, task, actor, toUser, HandOver.Delegate, cancellationToken).ConfigureAwait(false);
            task.Owner = task.Assignee;
            task.Assignee = toUser;
            task.Delegation = DelegationState.Pending;
            task.Touched = true;
            ctx.NewTasks.Add(task);
            ctx.Journal(graph, "task-delegated", task.ElementId, task.Name, task.Id, comment,
                new JsonObject { ["owner"] = task.Owner, ["delegate"] = toUser }.ToJsonString());
        }, cancellationToken);

    /// <summary>What both hand-overs ask: an open task the actor works, an eligible target, no delegation pending; the actor holds it first.</summary>
    private async Task PrepareAsync(StepContext ctx, InstanceGraph graph, HumanTask task, Actor actor, string toUser, HandOver kind, CancellationToken cancellationToken)
    {
        TaskRuntime.RequireOpen(task);
        runtime.RequireWorker(task, actor);
        await runtime.RequireTargetAsync(graph, task, toUser, kind, cancellationToken).ConfigureAwait(false);
        if (task.Delegation == DelegationState.Pending)
        {
            throw new EngineException(EngineErrors.TaskDelegated);
        }

        TaskRuntime.TakeIfUnassigned(task, actor, ctx);
    }
}
