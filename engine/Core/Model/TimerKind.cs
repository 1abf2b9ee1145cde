namespace Decoupling.Engine.Model;

/// <summary>timeDate, timeDuration or timeCycle of a BPMN timer event definition.</summary>
public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}
