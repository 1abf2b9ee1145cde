namespace Decoupling.Engine.Model.Forms;

/// <summary>
/// The <c>camunda:validation</c> constraints of a field: required, readonly, minlength and maxlength (strings), min and
/// max (numbers, and dates as yyyy-MM-dd).
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
}
