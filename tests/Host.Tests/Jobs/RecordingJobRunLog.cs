using Decoupling.Host.Jobs;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>
/// A job-run log for jobs built by hand in a test: passes every call on to <paramref name="inner"/> (when given) and can
/// make the run fail at a chosen progress report, as a process killed at that point would leave it.
/// </summary>
public sealed class RecordingJobRunLog(IJobRunLog? inner = null) : IJobRunLog
{
    public List<string> Calls { get; } = [];

    /// <summary>A report at or above this progress throws, before the job goes on.</summary>
    public int? FailAtProgress { get; init; }

    public async Task<Guid> StartAsync(string jobName, string periodKey, string message, CancellationToken cancellationToken = default)
    {
        Calls.Add($"start {jobName} {periodKey}");
        return inner is null ? Guid.NewGuid() : await inner.StartAsync(jobName, periodKey, message, cancellationToken);
    }

    public async Task ReportAsync(Guid runId, int progress, string message, CancellationToken cancellationToken = default)
    {
        Calls.Add($"report {progress}");
        if (progress >= FailAtProgress)
        {
            throw new OperationCanceledException($"stopped at {progress} %");
        }

        if (inner is not null)
        {
            await inner.ReportAsync(runId, progress, message, cancellationToken);
        }
    }

    public async Task SucceedAsync(Guid runId, string message, CancellationToken cancellationToken = default)
    {
        Calls.Add($"succeeded {message}");
        if (inner is not null)
        {
            await inner.SucceedAsync(runId, message, cancellationToken);
        }
    }

    public async Task FailAsync(Guid runId, Exception error, CancellationToken cancellationToken = default)
    {
        Calls.Add($"failed {error.Message}");
        if (inner is not null)
        {
            await inner.FailAsync(runId, error, cancellationToken);
        }
    }
}
