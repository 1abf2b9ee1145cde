namespace Decoupling.Host.Jobs;

/// <summary>
/// Where long jobs record their runs and progress. Each call is its own short transaction on its own context, never
/// the job's result transaction, so progress shows while the job works and a failed run still leaves its record.
/// An interface so a test can make a run fail at a chosen step.
/// </summary>
public interface IJobRunLog
{
    Task<Guid> StartAsync(string jobName, string periodKey, string message, CancellationToken cancellationToken = default);

    Task ReportAsync(Guid runId, int progress, string message, CancellationToken cancellationToken = default);

    Task SucceedAsync(Guid runId, string message, CancellationToken cancellationToken = default);

    Task FailAsync(Guid runId, Exception error, CancellationToken cancellationToken = default);
}
