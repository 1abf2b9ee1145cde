namespace Decoupling.Engine.Runtime;

/// <summary>A user task a task may be returned to (退回), with who completed it last.</summary>
public sealed record ReturnTarget(string ElementId, string Name, string? CompletedBy, DateTimeOffset? CompletedAt);
