using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

internal sealed partial class Executor
{
    /// <summary>
    /// The variables an expression at <paramref name="execution"/> sees: process variables with the local variables of the
    /// execution and its ancestors laid over them. Without locals the process variables are passed as they are (no copy).
    /// </summary>
    public static JsonObject View(InstanceGraph graph, Execution? execution)
    {
        var chain = new List<Execution>();
        for (var e = execution; e is not null; e = e.ParentId is { } p ? graph.FindExecution(p) : null)
        {
            if (graph.HasLocals(e))
            {
                chain.Add(e);
            }
        }

        if (chain.Count == 0)
        {
            return graph.Variables;
        }

        var view = (JsonObject)graph.Variables.DeepClone();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in graph.LocalsOf(chain[i]))
            {
                view[name] = value?.DeepClone();
            }
        }

        return view;
    }

    /// <summary>Sets a variable where it lives: a local of the execution or an ancestor if it has one by that name, else the process.</summary>
    public static void SetVariable(InstanceGraph graph, Execution? execution, string name, JsonNode? value)
    {
        for (var e = execution; e is not null; e = e.ParentId is { } p ? graph.FindExecution(p) : null)
        {
            if (graph.HasLocals(e) && graph.LocalsOf(e).ContainsKey(name))
            {
                graph.LocalsOf(e)[name] = value?.DeepClone();
                return;
            }
        }

        graph.Variables[name] = value?.DeepClone();
    }

    public static void SetVariables(InstanceGraph graph, Execution? execution, JsonObject? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            SetVariable(graph, execution, name, value);
        }
    }

    private string? EvaluateString(string? text, JsonObject view, string elementId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = expressions.Evaluate(text, view, elementId);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>Candidate lists: comma-separated literals, or an expression giving a string or an array of strings.</summary>
    private List<string> EvaluateList(string? text, JsonObject view, string elementId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var value = expressions.Evaluate(text, view, elementId);
        IEnumerable<string> items = value switch
        {
            null => [],
            JsonArray array => array.Select(x => x?.ToString() ?? ""),
            _ => (value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString()).Split(','),
        };
        return items.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>camunda:out: copies a called instance's variables into the caller's process scope.</summary>
    private void ApplyMapping(CallMapping mapping, JsonObject sourceView, InstanceGraph target, string elementId)
    {
        if (mapping.BusinessKey is not null)
        {
            return;
        }

        if (mapping.AllVariables)
        {
            foreach (var (name, value) in sourceView)
            {
                SetVariable(target, null, name, value);
            }

            return;
        }

        if ((mapping.Target ?? mapping.Source) is not { } name2)
        {
            return;
        }

        var value2 = mapping.SourceExpression is not null
            ? expressions.Evaluate(mapping.SourceExpression, sourceView, elementId)
            : sourceView[mapping.Source!];
        SetVariable(target, null, name2, value2);
    }

    private JsonObject EvaluateInputs(List<IoParameter> parameters, JsonObject view, string elementId)
    {
        var result = new JsonObject();
        foreach (var parameter in parameters)
        {
            result[parameter.Name] = parameter.Value is null ? null : expressions.Evaluate(parameter.Value, view, elementId);
        }

        return result;
    }
}
