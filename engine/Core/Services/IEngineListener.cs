using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Services;

/// <summary>Told after a step has committed (never before, so a notice is never sent for a rolled-back step).</summary>
public interface IEngineListener
{
    void TaskCreated(HumanTask task) { }

    void TaskUrged(HumanTask task, string by, string? comment) { }

    void TaskCopied(TaskCopy copy) { }

    void InstanceEnded(ProcessInstance instance) { }

    void IncidentCreated(Incident incident) { }
}
