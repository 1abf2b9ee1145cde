using Decoupling.Engine;
using Hangfire;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Executes engine jobs for Hangfire. Running one twice, or on two hosts at once, is harmless: the engine runs a job only
/// if its row is still there and due, in the same transaction that removes it.
/// </summary>
public sealed class EngineJobRunner(WorkflowEngine engine, IBackgroundJobClient? client = null)
{
    /// <summary>Hangfire keeps schedule times in whole seconds, so a job can start just before it is due: then wait that long.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(5);

    // the engine keeps its own retry count and incidents; Hangfire retrying on top would multiply attempts
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid jobId)
    {
        // a few rounds: the job may have been started early, or lost a race to another host whose step then failed
        for (var round = 0; round < 10; round++)
        {
            if (await engine.ExecuteJobAsync(jobId) || await engine.JobDueAtAsync(jobId) is not { } due)
            {
                return;
            }

            var wait = due - engine.Clock.Now;
            if (wait > EarlyTolerance)
            {
                client?.Schedule<EngineJobRunner>(runner => runner.RunAsync(jobId), due);
                return;
            }

            await Task.Delay(wait > TimeSpan.FromMilliseconds(100) ? wait : TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Runs whatever is due (recurring): picks up jobs whose scheduled run was lost.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task SweepAsync()
    {
        while (await engine.RunDueJobsAsync(200) > 0)
        {
        }
    }
}
