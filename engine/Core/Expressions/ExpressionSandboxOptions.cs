namespace Decoupling.Engine.Expressions;

/// <summary>
/// Every limit the expression sandbox enforces, in one place. Values at or below zero are refused by
/// <see cref="Validate"/> rather than read as "unlimited": a sandbox without a limit is a configuration mistake.
/// </summary>
public sealed class ExpressionSandboxOptions
{
    /// <summary>Wall-clock time one expression may run (EXPR_TIMEOUT). Default 500 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Statements one expression may execute (EXPR_STATEMENTS). Default 100 000.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Bytes one expression may allocate (EXPR_MEMORY). Default 16 MB.</summary>
    public long MemoryLimitBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Elements one array may hold (EXPR_MEMORY): arrays are built in one call, before memory is charged. Default 100 000.</summary>
    public int MaxArrayLength { get; init; } = 100_000;

    /// <summary>Nested calls of one function (EXPR_RECURSION). Default 64.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>Characters in a text that contains expressions (EXPR_TOO_LONG). Plain literals are not limited. Default 4000.</summary>
    public int MaxExpressionLength { get; init; } = 4000;

    /// <summary>Characters of a script task's script (EXPR_TOO_LONG). Default 20000.</summary>
    public int MaxScriptLength { get; init; } = 20_000;

    /// <summary>Distinct texts whose parsed form is cached; the cache is emptied when full. Default 4096.</summary>
    public int MaxCachedExpressions { get; init; } = 4096;

    internal ExpressionSandboxOptions Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout == TimeSpan.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "must be positive and finite");
        }

        Positive(MaxStatements, nameof(MaxStatements));
        Positive(MemoryLimitBytes, nameof(MemoryLimitBytes));
        Positive(MaxRecursionDepth, nameof(MaxRecursionDepth));
        Positive(MaxArrayLength, nameof(MaxArrayLength));
        Positive(MaxExpressionLength, nameof(MaxExpressionLength));
        Positive(MaxCachedExpressions, nameof(MaxCachedExpressions));
        Positive(MaxScriptLength, nameof(MaxScriptLength));
        return this;

        static void Positive(long value, string name)
        {
            if (value <= 0 || value >= long.MaxValue)
            {
                throw new ArgumentOutOfRangeException(name, value, "must be positive");
            }
        }
    }
}
