namespace Decoupling.Engine.Model;

/// <summary>The event definition of an event node (none when the event has no definition).</summary>
public enum EventTrigger
{
    None,
    Timer,
    Message,
    Error,
    Terminate,
    Signal,
    Escalation,
    Conditional,
    Link,
    Compensation,
    Cancel,
}
