namespace Decoupling.Engine.Model;

/// <summary>
/// A camunda:in or camunda:out of a call activity. Exactly one of Source, SourceExpression, AllVariables or BusinessKey is set;
/// BusinessKey (camunda:in businessKey="...") passes the business key expression on to the called instance.
/// </summary>
public sealed record CallMapping(string? Source, string? SourceExpression, string? Target, bool AllVariables, string? BusinessKey, bool Local);
