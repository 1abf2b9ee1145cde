namespace Decoupling.Activities.Descriptors;

/// <summary>A variable the activity returns; the designer offers to map it with a camunda:outputParameter.</summary>
public sealed record ActivityOutput(string Name, string Label, string? Description = null);
