using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>
/// Where an association's decoupling stands: its case (if any), the step of the five it has reached (read from the
/// flow's own <c>camunda:property step</c>, so a redesign keeps it right), the tasks now open and with whom. Once the
/// association's own case is over, steps 4 and 5 are the unit's summary and the district's evaluation, done when those
/// cases are (<see cref="StepsDone"/>).
/// </summary>
public sealed record CaseProgress(ProcessInstance? Case, int Step, IReadOnlyList<string> OpenSteps)
{
    public static CaseProgress None { get; } = new(null, 0, []);

    /// <summary>How many of the five steps are done: those before the current one, or all five.</summary>
    public int StepsDone { get; init; } = Math.Max(0, Step - 1);

    public bool Started => Case is not null;

    public bool Finished => Case?.State is InstanceState.Completed or InstanceState.Terminated;
}
