namespace Decoupling.Domain.Outbox;

/// <summary>
/// An effect to deliver after a commit (a notice, a mail, anything the engine announces), written in the same
/// transaction as the step that caused it, so it exists exactly when the step does. Delivered at least once by
/// whichever node claims it first; <see cref="Key"/> is unique, so the same effect is queued once and its consumer
/// (e.g. the notification's dedup key) makes a repeated delivery harmless.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Key { get; set; } = "";

    /// <summary>What delivers it, e.g. "notice".</summary>
    public string Kind { get; set; } = "";

    public string PayloadJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time (retries back off).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>A node that claimed the message holds it until then; after that another node may take it over.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}
