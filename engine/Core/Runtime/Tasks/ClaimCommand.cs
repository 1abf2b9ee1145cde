using Decoupling.Engine.Access;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>签收 and 退回候选池: a candidate takes an unassigned task; its claimant gives it back to the pool.</summary>
internal sealed class ClaimCommand(TaskRuntime runtime)
{
    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            if (task.Assignee is not null)
            {
                throw new EngineException(task.Assignee == actor.UserId ? EngineErrors.TaskAlreadyYours : EngineErrors.TaskClaimedByOther, task.Assignee);
            }

            if (!TaskAccess.IsCandidate(task, actor))
            {
                throw new EngineException(EngineErrors.TaskForbidden);
            }

            task.Assignee = actor.UserId;
            task.ClaimedAt = ctx.Now;
            task.Touched = true;
            ctx.Journal(graph, "task-claimed", task.ElementId, task.Name, task.Id);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            if (task.Assignee != actor.UserId || !TaskAccess.HasCandidates(task))
            {
                throw new EngineException(EngineErrors.UnclaimNotAllowed);
            }

            task.Assignee = null;
            task.ClaimedAt = null;
            ctx.Journal(graph, "task-unclaimed", task.ElementId, task.Name, task.Id);
            return Task.CompletedTask;
        }, cancellationToken);
}
