using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>
/// Where an association's decoupling stands: its case (if any), the step of the five it has reached (read from the
/// flow's own <c>camunda:property step</c>, so a redesign keeps it right), the tasks now open and with whom.
/// </summary>
public sealed record CaseProgress(ProcessInstance? Case, int Step, IReadOnlyList<string> OpenSteps)
{
    public static CaseProgress None { get; } = new(null, 0, []);

    public bool Started => Case is not null;

    public bool Finished => Case?.State is InstanceState.Completed or InstanceState.Terminated;
}
