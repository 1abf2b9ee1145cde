namespace Decoupling.Engine.Model;

/// <summary>A sequence flow; Condition is the raw conditionExpression text (JavaScript, optionally wrapped in ${ }).</summary>
public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public string? Condition { get; init; }
    public FlowNode Source { get; internal set; } = null!;
    public FlowNode Target { get; internal set; } = null!;
}
