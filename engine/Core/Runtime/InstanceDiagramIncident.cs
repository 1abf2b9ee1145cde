namespace Decoupling.Engine.Runtime;

public sealed record InstanceDiagramIncident(Guid Id, string ElementId, string Code, string Message);
