using Decoupling.Engine.Services;
using Hangfire;

namespace Decoupling.Host.Jobs;

/// <summary>Hands each new engine job to Hangfire for its due time. Only a hint: the engine's job table stays the truth.</summary>
public sealed class HangfireJobScheduler(IBackgroundJobClient client) : IJobScheduler
{
    public void Schedule(Guid jobId, DateTimeOffset dueAt) =>
        client.Schedule<EngineJobRunner>(runner => runner.RunAsync(jobId), dueAt);
}
