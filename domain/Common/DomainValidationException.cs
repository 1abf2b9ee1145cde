namespace Decoupling.Domain.Common;

/// <summary>Input refused as a whole, with every field problem found (not just the first).</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(IReadOnlyList<FieldError> errors)
        : base(DomainErrorCodes.ValidationFailed, string.Join("；", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
