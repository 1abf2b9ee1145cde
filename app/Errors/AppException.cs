using Decoupling.Application.Resources;
using Decoupling.Engine.Errors;

namespace Decoupling.Application.Errors;

/// <summary>A use case refused: nothing was written. <see cref="Field"/> names the input it is about, when there is one.</summary>
public sealed class AppException(AppError error, params object?[] args) : Exception(AppText.Get(error.Code, args))
{
    public AppError Error { get; } = error;

    public string Code => Error.Code;

    public EngineErrorKind Kind => Error.Kind;

    public string? Field { get; init; }
}
