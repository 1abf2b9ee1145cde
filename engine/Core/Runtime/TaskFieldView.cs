using System.Text.Json.Nodes;
using Decoupling.Engine.Model.Forms;

namespace Decoupling.Engine.Runtime;

/// <summary>One form field as a person (or an API client) sees it: its contract and its current value.</summary>
public sealed record TaskFieldView(
    string Id,
    string Label,
    FormFieldType Type,
    bool Required,
    bool Readonly,
    int? MinLength,
    int? MaxLength,
    string? Min,
    string? Max,
    IReadOnlyList<FormValue> Values,
    IReadOnlyDictionary<string, string> Properties,
    JsonNode? Value)
{
    /// <summary>Outcomes with which this field must be filled (the requiredFor constraint).</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    /// <summary>The view of a declared field with its current value: the one mapping for task forms and start forms.</summary>
    public static TaskFieldView Of(FormField field, JsonNode? value) =>
        new(field.Id, field.DisplayName, field.Type, field.Constraints.Required, field.Constraints.Readonly, field.Constraints.MinLength,
            field.Constraints.MaxLength, field.Constraints.Min, field.Constraints.Max, field.Values, field.Properties, value)
        {
            RequiredFor = field.Constraints.RequiredFor,
        };
}
