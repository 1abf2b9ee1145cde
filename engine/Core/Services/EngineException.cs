using Decoupling.Engine.Errors;
using Decoupling.Engine.Resources;

namespace Decoupling.Engine.Services;

/// <summary>
/// A refused engine operation or invalid input: a stable code for programs, its kind for the status a host answers
/// with, and a Chinese message for people. Nothing of the refused step was written.
/// </summary>
public sealed class EngineException : Exception
{
    public EngineException(EngineError error, params object?[] args)
        : base(EngineText.Get(error.Code, args))
    {
        Error = error;
    }

    /// <summary>A refusal whose message is already composed (a form field's own wording, for instance).</summary>
    public EngineException(EngineError error, string message, string? field)
        : base(message)
    {
        Error = error;
        Field = field;
    }

    public EngineError Error { get; }

    public string Code => Error.Code;

    public EngineErrorKind Kind => Error.Kind;

    /// <summary>The form field or variable the refusal is about, when it is about one.</summary>
    public string? Field { get; }

    public bool IsNotFound => Kind == EngineErrorKind.NotFound;

    public bool IsForbidden => Kind == EngineErrorKind.Forbidden;
}
