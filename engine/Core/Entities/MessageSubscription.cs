namespace Decoupling.Engine.Entities;

/// <summary>
/// Something an instance or definition waits for: a message (correlated by name plus business key), a signal (by name),
/// a condition, or a completed activity that can still be compensated (see <see cref="SubscriptionKind"/>).
/// </summary>
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

    /// <summary>Order of completion of compensable activities in their instance (compensation runs in reverse).</summary>
    public long Sequence { get; set; }

    /// <summary>For compensation: the local variables of the completed activity and, for a subprocess, its inner event scope.</summary>
    public string? DataJson { get; set; }
}
