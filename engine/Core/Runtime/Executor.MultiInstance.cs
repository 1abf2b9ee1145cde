using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Resources;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Multi-instance: the arriving token becomes the body (a scope holding the counters nrOfInstances,
/// nrOfCompletedInstances, nrOfActiveInstances and, for approvals, nrOfApproved / nrOfRejected); each instance is an inner
/// execution with loopCounter and the element variable as locals. 或签 = completionCondition nrOfCompletedInstances >= 1;
/// 会签 with a pass ratio = a condition on nrOfApproved / nrOfInstances; 依次 = isSequential.
/// </summary>
internal sealed partial class Executor
{
    private async Task StartMultiInstanceAsync(StepContext ctx, InstanceGraph graph, Execution body, FlowNode node)
    {
        var loop = node.Loop!;
        var view = View(graph, body);
        JsonArray? items = null;
        int count;
        if (loop.Collection is not null)
        {
            var value = expressions.Evaluate(loop.Collection.Contains("${", StringComparison.Ordinal) || loop.Collection.Contains("#{", StringComparison.Ordinal)
                ? loop.Collection
                : "${" + loop.Collection + "}", view, node.Id);
            items = value as JsonArray
                ?? throw new ExpressionException(node.Id, EngineErrors.MiNotAList.Code, EngineText.Get(EngineErrors.MiNotAList, node.Id, loop.Collection));
            count = items.Count;
        }
        else
        {
            var value = expressions.Evaluate(loop.LoopCardinality!, view, node.Id);
            if (!int.TryParse(value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count < 0)
            {
                throw new ExpressionException(node.Id, EngineErrors.MiNotAList.Code, EngineText.Get(EngineErrors.MiNotAList, node.Id, loop.LoopCardinality));
            }
        }

        body.Role = ExecutionRole.MultiInstanceBody;
        body.State = ExecutionState.Scope;
        var counters = graph.LocalsOf(body);
        counters["nrOfInstances"] = count;
        counters["nrOfCompletedInstances"] = 0;
        counters["nrOfActiveInstances"] = loop.IsSequential ? Math.Min(1, count) : count;
        counters["nrOfApproved"] = 0;
        counters["nrOfRejected"] = 0;
        if (items is not null)
        {
            counters["__items"] = items.DeepClone();
        }

        AddBoundaryListeners(ctx, graph, body, node);
        if (count == 0)
        {
            await FinishMultiInstanceAsync(ctx, graph, body, node).ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < (loop.IsSequential ? 1 : count); i++)
        {
            StartInner(ctx, graph, body, node, i);
        }
    }

    private void StartInner(StepContext ctx, InstanceGraph graph, Execution body, FlowNode node, int index)
    {
        var inner = NewExecution(ctx, graph, body.Id, node.Id, ExecutionRole.MultiInstanceInner);
        inner.LoopIndex = index;
        var locals = graph.LocalsOf(inner);
        locals["loopCounter"] = index;
        if (node.Loop!.ElementVariable is { } name && graph.LocalsOf(body)["__items"] is JsonArray items)
        {
            locals[name] = items[index]?.DeepClone();
        }

        Schedule(ctx, graph, inner, node, () => ExecuteAsync(ctx, graph, inner, node));
    }

    /// <summary>Counts an approval or rejection of a multi-instance user task (会签), read by completion conditions.</summary>
    public void CountOutcome(InstanceGraph graph, Execution inner, string? outcome)
    {
        if (inner.Role != ExecutionRole.MultiInstanceInner || inner.ParentId is not { } bodyId || graph.FindExecution(bodyId) is not { } body)
        {
            return;
        }

        var counters = graph.LocalsOf(body);
        if (outcome is not null && options.ApproveOutcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase))
        {
            counters["nrOfApproved"] = (counters["nrOfApproved"]?.GetValue<int>() ?? 0) + 1;
        }
        else if (outcome is not null && options.RejectOutcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase))
        {
            counters["nrOfRejected"] = (counters["nrOfRejected"]?.GetValue<int>() ?? 0) + 1;
        }
    }

    private async Task CompleteInnerAsync(StepContext ctx, InstanceGraph graph, Execution inner, FlowNode node)
    {
        var body = graph.FindExecution(inner.ParentId!.Value)!;
        RemoveExecution(ctx, graph, inner);
        var counters = graph.LocalsOf(body);
        var total = counters["nrOfInstances"]!.GetValue<int>();
        var completed = counters["nrOfCompletedInstances"]!.GetValue<int>() + 1;
        counters["nrOfCompletedInstances"] = completed;
        counters["nrOfActiveInstances"] = counters["nrOfActiveInstances"]!.GetValue<int>() - 1;

        var done = completed >= total
            || (node.Loop!.CompletionCondition is { } condition && expressions.EvaluateCondition(condition, View(graph, body), node.Id));
        if (done)
        {
            foreach (var remaining in graph.Executions.Where(e => e.ParentId == body.Id).ToList())
            {
                await CancelTreeAsync(ctx, graph, remaining, "completion-condition").ConfigureAwait(false);
            }

            await FinishMultiInstanceAsync(ctx, graph, body, node).ConfigureAwait(false);
            return;
        }

        if (node.Loop!.IsSequential)
        {
            counters["nrOfActiveInstances"] = 1;
            StartInner(ctx, graph, body, node, completed);
        }
    }

    /// <summary>The body leaves; the approval counts stay readable after it as {elementId}_approved / {elementId}_rejected.</summary>
    private async Task FinishMultiInstanceAsync(StepContext ctx, InstanceGraph graph, Execution body, FlowNode node)
    {
        var counters = graph.LocalsOf(body);
        graph.Variables[node.Id + "_approved"] = counters["nrOfApproved"]?.DeepClone();
        graph.Variables[node.Id + "_rejected"] = counters["nrOfRejected"]?.DeepClone();
        graph.Variables[node.Id + "_total"] = counters["nrOfInstances"]?.DeepClone();
        counters.Clear();
        body.Role = ExecutionRole.Token;
        body.State = ExecutionState.Waiting;
        await LeaveAsync(ctx, graph, body, node, "multi-instance-completed").ConfigureAwait(false);
    }
}
