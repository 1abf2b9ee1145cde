namespace Decoupling.Engine.Services;

/// <summary>
/// Told after each commit which jobs became due at which time, so an executor (Hangfire in the host) can run them.
/// Only a hint: the engine's job table stays the truth, and <see cref="WorkflowEngine.PendingJobsAsync"/> re-reads it at start.
/// </summary>
public interface IJobScheduler
{
    void Schedule(Guid jobId, DateTimeOffset dueAt);
}
