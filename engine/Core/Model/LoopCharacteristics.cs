namespace Decoupling.Engine.Model;

/// <summary>multiInstanceLoopCharacteristics: either a collection (camunda:collection) or a loopCardinality gives the number of instances.</summary>
public sealed class LoopCharacteristics
{
    public bool IsSequential { get; init; }
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public string? LoopCardinality { get; init; }
    public string? CompletionCondition { get; init; }
}
