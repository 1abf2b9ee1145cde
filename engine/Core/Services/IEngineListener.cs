using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Services;

/// <summary>
/// Told after a step has committed (never before, so a notice is never sent for a rolled-back step); or, through
/// <see cref="StepCommittingAsync"/>, inside the step's transaction.
/// </summary>
public interface IEngineListener
{
    void TaskCreated(HumanTask task) { }

    void TaskUrged(HumanTask task, string by, string? comment) { }

    void TaskCopied(TaskCopy copy) { }

    void InstanceEnded(ProcessInstance instance) { }

    void IncidentCreated(Incident incident) { }

    /// <summary>
    /// Before the step commits, inside its transaction: effects that must not be lost with the process (notices) are
    /// written here, through <see cref="StepCommit.Transaction"/>, and so exist exactly when the step does. An
    /// exception rolls the step back.
    /// </summary>
    Task StepCommittingAsync(StepCommit step, CancellationToken cancellationToken) => Task.CompletedTask;
}
