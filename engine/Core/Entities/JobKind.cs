namespace Decoupling.Engine.Entities;

public enum JobKind
{
    /// <summary>Intermediate timer catch, boundary timer, or timer after an event-based gateway.</summary>
    Timer,

    /// <summary>A timer start event of a definition (no instance yet).</summary>
    TimerStart,

    /// <summary>camunda:asyncBefore, or a service task whose handler failed and is retried.</summary>
    AsyncContinuation,
}
