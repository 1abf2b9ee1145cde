namespace Decoupling.Host.Notifications;

/// <summary>
/// <c>Outbox:Dispatch</c> (false keeps this node from delivering, e.g. a node that only serves pages),
/// <c>Outbox:PollInterval</c> (how often a node looks for messages other nodes queued; a node's own are delivered at once),
/// <c>Outbox:Lease</c> (how long a claim holds before another node may take the message over).
/// </summary>
public sealed class OutboxOptions
{
    public bool Dispatch { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    public int BatchSize { get; set; } = 50;
}
