namespace Decoupling.Engine.Model.Forms;

/// <summary>
/// The <c>camunda:validation</c> constraints of a field: required, readonly, minlength and maxlength (strings), min and
/// max (numbers, and dates as yyyy-MM-dd), and requiredFor (required only with the listed outcomes, e.g. the department
/// to forward to when the outcome is "forward" — a custom validator name, as Camunda 7 allows).
/// </summary>
public sealed class FormConstraints
{
    public bool Required { get; init; }

    /// <summary>Shown to people but never written by them: the value comes from the process.</summary>
    public bool Readonly { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    /// <summary>Outcome ids with which the field must be filled; empty when it has no such rule.</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    public bool IsRequiredWith(string? outcome) => Required || (outcome is not null && RequiredFor.Contains(outcome, StringComparer.Ordinal));
}
