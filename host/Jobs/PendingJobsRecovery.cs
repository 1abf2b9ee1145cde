using Decoupling.Engine;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Jobs;

/// <summary>
/// At start, schedules again every pending engine job from the engine's tables: with in-memory Hangfire storage a restart
/// empties Hangfire's queue, and nothing may be lost by that.
/// </summary>
public sealed class PendingJobsRecovery(WorkflowEngine engine, IJobScheduler scheduler, ILogger<PendingJobsRecovery> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await engine.PendingJobsAsync(cancellationToken: cancellationToken);
        foreach (var (id, dueAt) in pending)
        {
            scheduler.Schedule(id, dueAt);
        }

        log.LogInformation("Rescheduled {Count} pending engine jobs", pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
