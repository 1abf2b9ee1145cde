using System.Text.RegularExpressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Model.Forms;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// The rules that keep a task's contract and its routing in agreement: a protected variable is never a writable field;
/// each declared outcome has a way out of the decision after its task; a condition reads only outcomes the task
/// declares; a task with several outcomes is followed by a decision that reads them (otherwise 不同意 would move on like 同意).
/// </summary>
internal static partial class BpmnFormRules
{
    public static void Check(ProcessDefinition process, ParseOptions options, ValidationErrorList errors)
    {
        foreach (var node in process.NodesById.Values)
        {
            if (node.Form is { } form)
            {
                CheckProtected(process, node, form, errors);
                CheckRequiredFor(node, form, errors);
            }

            if (options.RequireUserTaskForms && node.Kind == FlowNodeKind.UserTask && node.Form is null)
            {
                errors.Add(node.Id, "BPMN_USER_TASK_NO_FORM");
            }

            if (node.Kind == FlowNodeKind.UserTask && node.Form?.Outcome is { } outcome)
            {
                CheckRouting(process, node, outcome, errors);
            }

            if (node.Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway)
            {
                CheckDeclared(node, node.Incoming.Select(f => f.Source), errors);
            }
            else if (node.Kind == FlowNodeKind.UserTask && node.Outgoing.Any(f => f.Condition is not null))
            {
                CheckDeclared(node, [node], errors);
            }
        }
    }

    private static void CheckProtected(ProcessDefinition process, FlowNode node, FormDefinition form, ValidationErrorList errors)
    {
        foreach (var field in form.Fields.Where(f => f.IsWritable && process.ProtectedVariables.Contains(f.Id)))
        {
            errors.Add(node.Id, "BPMN_FORM_FIELD_PROTECTED", field.Id);
        }

        foreach (var variable in new[] { form.CommentVariable, form.CompleterVariable }.OfType<string>().Where(process.ProtectedVariables.Contains))
        {
            errors.Add(node.Id, "BPMN_FORM_FIELD_PROTECTED", variable);
        }
    }

    /// <summary>A field required with some outcomes names outcomes the form declares.</summary>
    private static void CheckRequiredFor(FlowNode node, FormDefinition form, ValidationErrorList errors)
    {
        var declared = form.Outcome?.Values.Select(v => v.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var field in form.Fields)
        {
            foreach (var outcome in field.Constraints.RequiredFor.Where(o => !declared.Contains(o)))
            {
                errors.Add(node.Id, "BPMN_FORM_REQUIRED_FOR_UNKNOWN_OUTCOME", field.Id, outcome,
                    declared.Count == 0 ? "（无办理结论）" : string.Join("、", declared));
            }
        }
    }

    /// <summary>Where the task's outcome is decided: its own conditional flows, or the gateway right after it.</summary>
    private static FlowNode? DecisionAfter(FlowNode task)
    {
        if (task.Outgoing.Any(f => f.Condition is not null))
        {
            return task;
        }

        return task.Outgoing.Count == 1 && task.Outgoing[0].Target is { Kind: FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway } gateway
            ? gateway
            : null;
    }

    private static void CheckRouting(ProcessDefinition process, FlowNode task, FormField outcome, ValidationErrorList errors)
    {
        if (RoutedLater(process, task))
        {
            return;
        }

        var decision = DecisionAfter(task);
        var readsOutcome = decision?.Outgoing.Any(f => f.Condition is { } c && MentionsOutcome(c)) == true;
        if (outcome.Values.Count > 1 && (decision is null || !readsOutcome))
        {
            errors.Add(task.Id, "BPMN_OUTCOME_NOT_ROUTED", string.Join("、", outcome.Values.Select(v => v.Name)));
            return;
        }

        if (decision is null || !readsOutcome)
        {
            return;
        }

        foreach (var value in outcome.Values)
        {
            var handled = decision.Outgoing.Any(f =>
                f.Id == decision.DefaultFlowId
                || f.Condition is null
                || !MentionsOutcome(f.Condition)
                || ComparedValues(f.Condition) is not { Count: > 0 } compared
                || compared.Contains(value.Id));
            if (!handled)
            {
                errors.Add(task.Id, "BPMN_OUTCOME_NO_PATH", value.Name, decision.Id);
            }
        }
    }

    /// <summary>
    /// Parallel approvals cannot all write <c>outcome</c> for one gateway to read: each passes it on through an output
    /// parameter (<c>articlesDecision = ${outcome}</c>) that a later condition reads. Such a task is routed.
    /// </summary>
    private static bool RoutedLater(ProcessDefinition process, FlowNode task)
    {
        var passed = task.Outputs.Where(o => o.Value is { } v && MentionsOutcome(v)).Select(o => o.Name).ToList();
        return passed.Count > 0 && process.FlowsById.Values.Any(f => f.Condition is { } c
            && passed.Any(name => Regex.IsMatch(c, $@"(?<![\w.$]){Regex.Escape(name)}(?![\w$])")));
    }

    /// <summary>A condition that names an outcome none of the deciding tasks declares can never be true.</summary>
    private static void CheckDeclared(FlowNode decision, IEnumerable<FlowNode> sources, ValidationErrorList errors)
    {
        var tasks = sources.Where(s => s.Kind == FlowNodeKind.UserTask).ToList();
        if (tasks.Count == 0 || tasks.Any(t => t.Form?.Outcome is null))
        {
            return;
        }

        var declared = tasks.SelectMany(t => t.Form!.Outcome!.Values.Select(v => v.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var flow in decision.Outgoing.Where(f => f.Condition is not null))
        {
            foreach (var value in ComparedValues(flow.Condition!).Where(v => !declared.Contains(v)))
            {
                errors.Add(flow.Id, "BPMN_OUTCOME_UNDECLARED", value, string.Join("、", tasks.Select(t => t.Id)));
            }
        }
    }

    private static bool MentionsOutcome(string condition) => OutcomeName().IsMatch(condition);

    /// <summary>The literals a condition compares the outcome with (outcome == 'x', 'x' === outcome).</summary>
    private static HashSet<string> ComparedValues(string condition)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in OutcomeComparison().Matches(condition))
        {
            values.Add(match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value);
        }

        return values;
    }

    [GeneratedRegex(@"(?<![\w.$])outcome(?![\w$])")]
    private static partial Regex OutcomeName();

    [GeneratedRegex(@"(?<![\w.$])outcome\s*===?\s*(['""])(?<a>[^'""]*)\1|(['""])(?<b>[^'""]*)\3\s*===?\s*outcome(?![\w$])")]
    private static partial Regex OutcomeComparison();
}
