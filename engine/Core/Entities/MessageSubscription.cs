namespace Decoupling.Engine.Entities;

/// <summary>A waiting message catch; correlation is by message name plus business key (of the root instance).</summary>
public sealed class MessageSubscription
{
    public Guid Id { get; set; }
    public SubscriptionKind Kind { get; set; }
    public string MessageName { get; set; } = "";
    public string? BusinessKey { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public Guid? DefinitionId { get; set; }
    public string ElementId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
