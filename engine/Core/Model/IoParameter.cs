namespace Decoupling.Engine.Model;

/// <summary>A camunda:inputParameter or camunda:outputParameter: Value is a literal or an expression (${...}).</summary>
public sealed record IoParameter(string Name, string? Value);
