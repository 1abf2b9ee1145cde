namespace Decoupling.Engine.Model;

/// <summary>
/// <c>camunda:taskListener event="complete" delegateExpression="${name}"</c>: a check the platform registers under
/// <see cref="Name"/> and the engine runs inside the completing step; it may refuse the completion with a reason.
/// </summary>
public sealed record TaskListenerDefinition(string Event, string Name);
