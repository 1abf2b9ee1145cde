namespace Decoupling.Domain.Outbox;

/// <summary>An effect to queue: unique key, kind (which handler delivers it) and its payload as JSON.</summary>
public sealed record OutboxEntry(string Key, string Kind, string PayloadJson);
