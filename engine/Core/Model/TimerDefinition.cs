namespace Decoupling.Engine.Model;

/// <summary>A timer event definition: ISO 8601 date, duration (P3D) or repeating cycle (R3/PT1H), possibly an expression.</summary>
public sealed record TimerDefinition(TimerKind Kind, string Expression);
