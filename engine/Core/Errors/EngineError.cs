namespace Decoupling.Engine.Errors;

/// <summary>A stable error code with its kind; the Chinese message is looked up by code in the engine's resources.</summary>
public sealed record EngineError(string Code, EngineErrorKind Kind)
{
    public override string ToString() => Code;
}
