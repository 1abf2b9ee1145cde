namespace Decoupling.Engine.Model;

/// <summary>One executable BPMN process, parsed and validated. Immutable once built by the parser.</summary>
public sealed class ProcessDefinition
{
    public required string Key { get; init; }
    public string? Name { get; init; }

    /// <summary>Flow nodes directly under the process (subprocess children hang under their subprocess node).</summary>
    public List<FlowNode> Nodes { get; } = [];

    /// <summary>Every flow node at every depth, by id.</summary>
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>camunda:versionTag, camunda:historyTimeToLive and the like are kept for the designer only.</summary>
    public string? VersionTag { get; init; }
    public bool IsExecutable { get; init; } = true;

    /// <summary>camunda:candidateStarterGroups / candidateStarterUsers: who may start it (both empty: anyone).</summary>
    public List<string> CandidateStarterGroups { get; init; } = [];

    public List<string> CandidateStarterUsers { get; init; } = [];

    /// <summary>
    /// The case's facts (camunda:property protectedVariables on the process, comma-separated): set by the platform at
    /// start, by service tasks and by the audited administrator repair, never by a form or a task completion.
    /// </summary>
    public HashSet<string> ProtectedVariables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>camunda:properties of the process (protectedVariables, caseSubject...); the platform reads the rest.</summary>
    public Dictionary<string, string> Properties { get; init; } = new(StringComparer.Ordinal);

    public const string ProtectedVariablesProperty = "protectedVariables";

    public FlowNode GetNode(string id) =>
        NodesById.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"flow node '{id}' is not in process '{Key}'");

    /// <summary>Nodes of one scope: the process (scope null) or a subprocess.</summary>
    public IReadOnlyList<FlowNode> NodesOf(FlowNode? scope) => scope is null ? Nodes : scope.Children;

    /// <summary>The none start event of a scope, or null.</summary>
    public FlowNode? NoneStartOf(FlowNode? scope) =>
        NodesOf(scope).FirstOrDefault(n => n.Kind == FlowNodeKind.StartEvent && n.Trigger == EventTrigger.None);

    /// <summary>The start events of the event subprocesses directly in a scope (the process when null).</summary>
    public IEnumerable<FlowNode> EventSubProcessStartsOf(FlowNode? scope) =>
        NodesOf(scope).Where(n => n.TriggeredByEvent).SelectMany(n => n.Children.Where(c => c.Kind == FlowNodeKind.StartEvent).Take(1));
}
