namespace Decoupling.Engine.Entities;

public enum SubscriptionKind
{
    /// <summary>Intermediate message catch, receive task, or message after an event-based gateway.</summary>
    Catch,
    Boundary,
    Start,
}
