namespace Decoupling.Engine.Model;

/// <summary>One problem found in a definition: which element, which rule (stable code), and a message for people (Chinese).</summary>
public sealed record ValidationError(string? ElementId, string Code, string Message)
{
    public override string ToString() => ElementId is null ? $"[{Code}] {Message}" : $"[{Code}] {ElementId}: {Message}";
}
