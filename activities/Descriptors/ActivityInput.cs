namespace Decoupling.Activities.Descriptors;

/// <summary>
/// One input of an activity, bound to a camunda:inputParameter of the same name. <see cref="DefaultValue"/> is what the
/// designer pre-fills (often an expression such as <c>${associationId}</c>).
/// </summary>
public sealed record ActivityInput(string Name, string Label, InputType Type = InputType.String, bool Required = false)
{
    public string? Description { get; init; }

    public string? DefaultValue { get; init; }

    /// <summary>A regular expression the value must match (an expression <c>${...}</c> is always accepted).</summary>
    public string? Pattern { get; init; }

    public string? PatternMessage { get; init; }

    public IReadOnlyList<InputChoice> Choices { get; init; } = [];
}
