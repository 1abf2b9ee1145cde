namespace Decoupling.Engine.Entities;

public enum SubscriptionKind
{
    /// <summary>Intermediate message catch, receive task, or message after an event-based gateway.</summary>
    Catch,
    Boundary,

    /// <summary>A message start event of a definition (no instance yet).</summary>
    Start,

    /// <summary>A waiting signal catch: intermediate, boundary, event-based gateway target or event subprocess start (MessageName is the signal).</summary>
    Signal,

    /// <summary>A signal start event of a definition (no instance yet).</summary>
    SignalStart,

    /// <summary>A waiting conditional event; its condition is evaluated when the instance's variables change.</summary>
    Conditional,

    /// <summary>A completed activity with a compensation handler, kept until the scope ends (ordered by Sequence).</summary>
    Compensate,
}
