using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>
/// 撤回: takes back a completion, only by the person who completed it, only if the node allows it, only if nothing the
/// completion produced has been touched or moved, and only if it triggered no side effect (service task, called process, end).
/// </summary>
internal sealed class WithdrawCommand(TaskRuntime runtime)
{
    public const string AllowWithdrawProperty = "allowWithdraw";

    public Task WithdrawAsync(Guid completedTaskId, Actor actor, string? comment, CancellationToken cancellationToken) =>
        runtime.OnTaskAsync(completedTaskId, actor, async (ctx, graph, task) =>
        {
            var (executions, record) = await CheckAsync(ctx, graph, task, actor, cancellationToken).ConfigureAwait(false);
            var node = graph.Deployed.Process.GetNode(task.ElementId);
            ctx.Journal(graph, "task-withdrawn", task.ElementId, task.Name, task.Id, comment);
            foreach (var execution in executions)
            {
                await runtime.Executor.CancelTreeAsync(ctx, graph, execution, "withdrawn").ConfigureAwait(false);
            }

            var scopeId = record["scope"]?.GetValue<string>() is { } s ? Guid.Parse(s) : (Guid?)null;
            var token = runtime.Executor.NewExecution(ctx, graph, scopeId, node.Id);
            runtime.Executor.Schedule(ctx, graph, token, node, () => runtime.Executor.EnterAsync(ctx, graph, token, node, null));
            ReturnCommand.ReassignNewTask(ctx, graph, node.Id, actor.UserId, node);
        }, cancellationToken);

    /// <summary>Every condition of a withdrawal; throws the first that fails, else returns what to take back.</summary>
    public static async Task<(List<Execution> Executions, JsonObject Record)> CheckAsync(StepContext ctx, InstanceGraph graph, HumanTask task, Actor actor,
        CancellationToken cancellationToken)
    {
        if (task.State != HumanTaskState.Completed || task.CompletedBy != actor.UserId || task.Outcome == "returned")
        {
            throw new EngineException(EngineErrors.WithdrawNotYours);
        }

        var node = graph.Deployed.Process.GetNode(task.ElementId);
        if (node.Properties.GetValueOrDefault(AllowWithdrawProperty) == "false")
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

        return (executions, record);
    }
}
