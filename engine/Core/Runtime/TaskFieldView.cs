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
}
