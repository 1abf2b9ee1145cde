using Decoupling.Engine.Services;
using Hangfire;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Hands each new engine job to Hangfire for its due time. Only a hint: the engine's job table stays the truth.
/// Work due now (async continuations) is enqueued at once; scheduling it would wait for the next poll of delayed jobs.
/// </summary>
public sealed class HangfireJobScheduler(IBackgroundJobClient client, IClock clock) : IJobScheduler
{
    public void Schedule(Guid jobId, DateTimeOffset dueAt)
    {
        if (dueAt <= clock.Now)
        {
            client.Enqueue<EngineJobRunner>(runner => runner.RunAsync(jobId));
        }
        else
        {
            client.Schedule<EngineJobRunner>(runner => runner.RunAsync(jobId), dueAt);
        }
    }
}
