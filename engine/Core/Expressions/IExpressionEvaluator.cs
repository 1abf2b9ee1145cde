using System.Text.Json.Nodes;

namespace Decoupling.Engine.Expressions;

/// <summary>
/// Evaluates the expressions found in definitions (conditions, assignees, due dates, mappings, completion conditions).
/// Text of the form "${ expr }" is evaluated as JavaScript; text with ${...} inside other text is interpolated;
/// other text is a literal string. Failures throw <see cref="ExpressionException"/>, never anything else.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>Evaluates <paramref name="text"/> against the variables; returns a JSON value (null for undefined/null).</summary>
    JsonNode? Evaluate(string text, JsonObject variables, string elementId);

    /// <summary>Evaluates a condition; anything but a boolean result is an error naming the element.</summary>
    bool EvaluateCondition(string text, JsonObject variables, string elementId);
}
