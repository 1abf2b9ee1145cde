namespace Decoupling.Engine.Runtime;

/// <summary>
/// What the instance viewer draws over the diagram: the version's XML, how often each element completed (across the
/// instance and the instances it called), where tokens are now, which open tasks are overdue, and open incidents.
/// </summary>
public sealed record InstanceDiagram(
    Guid InstanceId,
    string DefinitionKey,
    int Version,
    string Xml,
    IReadOnlyDictionary<string, int> Completed,
    IReadOnlyList<string> Active,
    IReadOnlyList<string> Overdue,
    IReadOnlyList<InstanceDiagramIncident> Incidents);
