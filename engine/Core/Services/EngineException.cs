using Decoupling.Engine.Resources;

namespace Decoupling.Engine.Services;

/// <summary>
/// A refused engine operation or invalid input: a stable code for programs and a Chinese message for people.
/// Nothing of the refused step was written.
/// </summary>
public sealed class EngineException : Exception
{
    public EngineException(string code, params object?[] args)
        : base(EngineText.Get(code, args))
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>True for "not found" codes, so the host can answer 404 instead of 409/400.</summary>
    public bool IsNotFound => Code.EndsWith("_NOT_FOUND", StringComparison.Ordinal);

    public bool IsForbidden => Code.EndsWith("_FORBIDDEN", StringComparison.Ordinal);
}
