using System.Text.Json.Nodes;
using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// 加签 (before: the assignee waits for them; after: they sign once the assignee has completed) and 减签 (removes a signer
/// who has not signed yet, by whoever added them or the task's assignee). Signers must be people the task may go to.
/// </summary>
internal sealed class SignerCommands(TaskRuntime runtime)
{
    public Task<IReadOnlyList<HumanTask>> AddAsync(Guid taskId, Actor actor, IReadOnlyList<string> users, SignerPosition position,
        string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync<IReadOnlyList<HumanTask>>(taskId, actor, async (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            runtime.RequireWorker(task, actor);
            if (position == SignerPosition.None || users.Count == 0 || task.ParentTaskId is not null)
            {
                throw new EngineException(EngineErrors.SignerInvalid);
            }

            var holder = task.Assignee ?? (actor.IsAdmin ? null : actor.UserId);
            var distinct = users.Distinct(StringComparer.Ordinal).ToList();
            foreach (var user in distinct)
            {
                if (user == holder || graph.Tasks.Any(t => t.ParentTaskId == task.Id && t.Assignee == user && Executor.IsLive(t)))
                {
                    throw new EngineException(EngineErrors.SignerDuplicate, user);
                }

                await runtime.RequireTargetAsync(graph, task, user, HandOver.AddSigner, cancellationToken).ConfigureAwait(false);
            }

            TaskRuntime.TakeIfUnassigned(task, actor, ctx);
            var added = new List<HumanTask>();
            foreach (var user in distinct)
            {
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
            return (IReadOnlyList<HumanTask>)added;
        }, cancellationToken);

    public Task RemoveAsync(Guid signerTaskId, Actor actor, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(signerTaskId, actor, (ctx, graph, signer) =>
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
                var node = graph.Deployed.Process.GetNode(parent.ElementId);
                CompleteCommand.MoveOn(ctx, graph, runtime.Executor, parent, parent.Outcome, null, node.Form is not null);
            }

            return Task.CompletedTask;
        }, cancellationToken);
}
