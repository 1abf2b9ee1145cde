namespace Decoupling.Engine.Model;

/// <summary>The result of parsing one .bpmn file: its executable processes plus the message and error catalogue.</summary>
public sealed class BpmnDocument
{
    public List<ProcessDefinition> Processes { get; } = [];

    /// <summary>message id -> message name (the name is what correlation uses).</summary>
    public Dictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>error id -> error code.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>signal id -> signal name.</summary>
    public Dictionary<string, string> Signals { get; } = new(StringComparer.Ordinal);

    /// <summary>escalation id -> escalation code.</summary>
    public Dictionary<string, string> Escalations { get; } = new(StringComparer.Ordinal);
}
