namespace Decoupling.Domain.Register;

/// <summary>The outcome of validating a unified social credit code; <see cref="Code"/> is null when valid.</summary>
public sealed record CreditCodeCheck(bool IsValid, string? Code, string? Message)
{
    public static readonly CreditCodeCheck Valid = new(true, null, null);
}
