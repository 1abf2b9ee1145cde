namespace Decoupling.Domain.Outbox;

/// <summary>A message a dispatcher holds now; <see cref="Attempts"/> counts this delivery.</summary>
public sealed record ClaimedMessage(Guid Id, string Key, string Kind, string PayloadJson, int Attempts);
