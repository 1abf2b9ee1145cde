using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Model.Forms;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// Reads a task for one reader in one session: refused as not found when the reader may not see it; otherwise its
/// form with current values, outcomes and the operations the reader may perform, by the same checks the commands use.
/// </summary>
internal sealed class TaskDetailsQuery(TaskRuntime runtime, NoticeCommands notices)
{
    public async Task<TaskDetails> GetAsync(Guid taskId, Actor actor, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var ctx = new StepContext(session, runtime.Now, actor);
        var instance = await session.FindInstanceOfTaskAsync(taskId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
        var graph = await runtime.Loader.LoadAsync(ctx, instance).ConfigureAwait(false);
        var task = graph.Tasks.First(t => t.Id == taskId);
        if (!await runtime.MaySeeAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false))
        {
            throw new EngineException(EngineErrors.TaskNotFound, taskId);
        }

        var node = graph.Deployed.Process.GetNode(task.ElementId);
        var execution = task.ExecutionId is { } id ? graph.FindExecution(id) : null;
        var view = Executor.View(graph, execution);
        var form = node.Form;
        var fields = form?.Fields.Where(f => f.Id != FormDefinition.OutcomeFieldId).Select(f => TaskFieldView.Of(f, SafeValue(f, view, node.Id))).ToList() ?? [];
        var outcomes = TaskOutcomeView.Of(form);

        var open = task.State == HumanTaskState.Open && instance.State == InstanceState.Active;
        var mayWork = open && runtime.Policy.MayWork(task, actor);
        var operations = new HashSet<TaskOperation>();
        var returnTargets = new List<ReturnTarget>();
        if (mayWork)
        {
            if (!graph.Tasks.Any(t => t.ParentTaskId == task.Id && t.SignerPosition == Entities.SignerPosition.Before && t.State == HumanTaskState.Open))
            {
                operations.Add(TaskOperation.Complete);
            }

            returnTargets = task.ParentTaskId is null ? ReturnCommand.Targets(graph, task) : [];
            if (returnTargets.Count > 0)
            {
                operations.Add(TaskOperation.Return);
            }

            if (task.ParentTaskId is null && task.Delegation != DelegationState.Pending)
            {
                operations.Add(TaskOperation.Transfer);
                operations.Add(TaskOperation.Delegate);
                operations.Add(TaskOperation.AddSigners);
            }
        }

        if (open && task.Assignee is null && TaskAccess.IsCandidate(task, actor))
        {
            operations.Add(TaskOperation.Claim);
        }

        if (open && task.Assignee == actor.UserId && TaskAccess.HasCandidates(task))
        {
            operations.Add(TaskOperation.Unclaim);
        }

        if (open && instance.State == InstanceState.Active)
        {
            operations.Add(TaskOperation.Copy);
            if (await notices.MayUrgeAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false)
                && !(task.LastUrgedAt is { } last && runtime.Now - last < NoticeCommands.UrgeInterval))
            {
                operations.Add(TaskOperation.Urge);
            }
        }

        if (task.State == HumanTaskState.Completed && instance.State == InstanceState.Active && task.CompletedBy == actor.UserId)
        {
            try
            {
                await WithdrawCommand.CheckAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false);
                operations.Add(TaskOperation.Withdraw);
            }
            catch (EngineException)
            {
                // not withdrawable now: the button is simply not offered
            }
        }

        var signers = graph.Tasks.Where(t => t.ParentTaskId == task.Id && t.State != HumanTaskState.Cancelled).ToList();
        return new TaskDetails(task, node.DisplayName, form is not null, fields, outcomes, operations, returnTargets, signers, node.Properties);
    }

    /// <summary>Of these people, the ones the task may be handed to (the pickers of 转办, 委派, 加签 and 抄送 offer only them).</summary>
    public async Task<IReadOnlyList<Actor>> ReceiversAsync(Guid taskId, IReadOnlyList<Actor> people, HandOver kind, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var ctx = new StepContext(session, runtime.Now, Actor.System);
        var instance = await session.FindInstanceOfTaskAsync(taskId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.TaskNotFound, taskId);
        var graph = await runtime.Loader.LoadAsync(ctx, instance).ConfigureAwait(false);
        var task = graph.Tasks.First(t => t.Id == taskId);
        var node = graph.Deployed.Process.GetNode(task.ElementId);
        return people.Where(p => (kind == HandOver.Copy || p.UserId != task.Assignee) && runtime.Policy.MayReceive(task, node, p, kind)).ToList();
    }

    /// <summary>A default that fails to evaluate shows as empty rather than hiding the task.</summary>
    private System.Text.Json.Nodes.JsonNode? SafeValue(FormField field, System.Text.Json.Nodes.JsonObject view, string elementId)
    {
        try
        {
            return runtime.Forms.CurrentValue(field, view, elementId);
        }
        catch (Expressions.ExpressionException)
        {
            return null;
        }
    }
}
