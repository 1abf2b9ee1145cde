using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Listeners;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// 办理: completes a task with an outcome, form values and a comment, all checked against the task's form; the
/// definition's completion checks (task listeners) run in the same step and may refuse. A delegated task goes back to
/// its owner instead (委派); a task with signers before it (前加签) waits for them; signers after it (后加签) sign before
/// the token moves.
/// </summary>
internal sealed class CompleteCommand(TaskRuntime runtime)
{
    public Task CompleteAsync(Guid taskId, Actor actor, string? outcome, JsonObject? variables, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(taskId, actor, async (ctx, graph, task) =>
        {
            TaskRuntime.RequireOpen(task);
            runtime.RequireWorker(task, actor);
            var node = graph.Deployed.Process.GetNode(task.ElementId);
            var execution = TaskRuntime.ExecutionOf(graph, task);
            var view = Executor.View(graph, execution);
            var values = runtime.Forms.Check(node, graph.Deployed.Process, ref outcome, variables, comment, view, actor.UserId);
            var hasForm = node.Form is not null;

            if (task.Delegation == DelegationState.Pending)
            {
                task.Assignee = task.Owner;
                task.Delegation = DelegationState.Resolved;
                task.VariablesJson = values.ToJsonString();
                Executor.SetVariables(graph, execution, values);
                ctx.Journal(graph, "task-resolved", task.ElementId, task.Name, task.Id, comment);
                return;
            }

            if (graph.Tasks.Any(t => t.ParentTaskId == task.Id && t.SignerPosition == SignerPosition.Before && t.State == HumanTaskState.Open))
            {
                throw new EngineException(EngineErrors.SignersBeforePending);
            }

            await RunListenersAsync(ctx, graph, node, task, actor, outcome, values, view, cancellationToken).ConfigureAwait(false);
            TaskRuntime.TakeIfUnassigned(task, actor, ctx);

            task.Outcome = outcome;
            task.Comment = comment;
            task.VariablesJson = values.ToJsonString();
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
                    MoveOn(ctx, graph, runtime.Executor, parent, parent.Outcome, null, hasForm);
                }

                return;
            }

            var after = graph.Tasks.Where(t => t.ParentTaskId == task.Id && t.State == HumanTaskState.Pending).ToList();
            if (after.Count > 0)
            {
                task.State = HumanTaskState.WaitingForSigners;
                Executor.SetVariables(graph, execution, values);
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
            MoveOn(ctx, graph, runtime.Executor, task, outcome, values, hasForm);
            ctx.AfterDrain.Add(() => entry.DataJson = WithdrawRecord(ctx, graph, execution, outcome));
        }, cancellationToken);

    private async Task RunListenersAsync(StepContext ctx, InstanceGraph graph, Model.FlowNode node, HumanTask task, Actor actor, string? outcome,
        JsonObject values, JsonObject view, CancellationToken cancellationToken)
    {
        foreach (var definition in node.TaskListeners.Where(l => l.Event == "complete"))
        {
            var listener = runtime.Extensions.TaskListeners.FirstOrDefault(l => l.Name == definition.Name)
                ?? throw new EngineException(EngineErrors.TaskListenerUnknown, node.DisplayName, definition.Name);
            await listener.OnCompleteAsync(new TaskListenerContext
            {
                Task = task,
                Actor = actor,
                Outcome = outcome,
                Submitted = values,
                Variables = view,
                Now = ctx.Now,
                Transaction = ctx.Session.Transaction,
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the values and moves the token on. A task with a form wrote its outcome as a form value (where the form's
    /// variables live); a task without one sets the process variable <c>outcome</c> as plain BPMN models expect.
    /// </summary>
    public static void MoveOn(StepContext ctx, InstanceGraph graph, Executor executor, HumanTask task, string? outcome, JsonObject? values, bool hasForm)
    {
        var execution = TaskRuntime.ExecutionOf(graph, task);
        Executor.SetVariables(graph, execution, values);
        if (outcome is not null && !hasForm)
        {
            Executor.SetVariable(graph, null, "outcome", outcome);
        }

        executor.CountOutcome(graph, execution, outcome);
        var node = graph.Deployed.Process.GetNode(task.ElementId);
        executor.Schedule(ctx, graph, execution, node, () => executor.LeaveAsync(ctx, graph, execution, node));
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

    public static string? OutcomeData(string? outcome) => outcome is null ? null : new JsonObject { ["outcome"] = outcome }.ToJsonString();
}
