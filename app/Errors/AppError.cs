using Decoupling.Engine.Errors;

namespace Decoupling.Application.Errors;

/// <summary>A refusal of a use case: stable code, its kind (the host answers 422, 404, 403 or 409 by it), Chinese text in Resources/AppMessages.resx.</summary>
public sealed record AppError(string Code, EngineErrorKind Kind)
{
    public override string ToString() => Code;
}
