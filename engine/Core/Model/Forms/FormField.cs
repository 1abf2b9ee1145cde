namespace Decoupling.Engine.Model.Forms;

/// <summary>
/// One <c>camunda:formField</c>: the variable it reads and writes (its id), its Chinese label, type, default, constraints,
/// choices and free properties (<c>camunda:property id value</c>, e.g. commentRequired on an outcome field).
/// </summary>
public sealed class FormField
{
    public required string Id { get; init; }

    public string? Label { get; init; }

    public FormFieldType Type { get; init; }

    /// <summary>A literal or an expression (${...}) giving the value shown when the variable is not set yet.</summary>
    public string? DefaultValue { get; init; }

    public FormConstraints Constraints { get; init; } = new();

    public List<FormValue> Values { get; init; } = [];

    public Dictionary<string, string> Properties { get; init; } = new(StringComparer.Ordinal);

    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Id : Label!;

    public bool IsWritable => !Constraints.Readonly;

    public string? ValueName(string? id) => Values.FirstOrDefault(v => v.Id == id)?.Name;
}
