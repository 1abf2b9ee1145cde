namespace Decoupling.Engine.Expressions;

/// <summary>An expression failed: syntax, runtime error, limit exceeded (time, statements, memory, recursion) or wrong result type.</summary>
public sealed class ExpressionException(string elementId, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ElementId { get; } = elementId;

    /// <summary>Stable code: EXPR_SYNTAX, EXPR_RUNTIME, EXPR_TIMEOUT, EXPR_STATEMENTS, EXPR_MEMORY, EXPR_RECURSION, EXPR_TYPE, EXPR_TOO_LONG.</summary>
    public string Code { get; } = code;
}
