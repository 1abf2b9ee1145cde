using Decoupling.Domain.Jobs;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Writes <see cref="JobRun"/> rows from a scope of its own. Progress updates go through ExecuteUpdate, which skips the
/// audit interceptor: a progress tick is not a change of record worth a chained audit row (the start row is audited).
/// </summary>
public sealed class JobRunLog(IServiceScopeFactory scopes, TimeProvider time) : IJobRunLog
{
    private static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<Guid> StartAsync(string jobName, string periodKey, string message, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.ActorOverride = "系统:" + jobName;
            db.JobRuns.Add(new JobRun
            {
                Id = id,
                JobName = jobName,
                PeriodKey = periodKey,
                Node = Node,
                StartedAt = time.GetUtcNow(),
                Message = Clip(message, 500),
                Outcome = JobRunOutcome.Running,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return id;
            }
            catch (DbUpdateException) when (attempt < 6)
            {
                // the start row's audit entry lost the chain's next sequence number to another host's job; chain it again
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);
            }
        }
    }

    public Task ReportAsync(Guid runId, int progress, string message, CancellationToken cancellationToken = default)
    {
        var clamped = Math.Clamp(progress, 0, 100);
        var text = Clip(message, 500);
        return UpdateAsync(runId, u => u.SetProperty(r => r.Progress, clamped).SetProperty(r => r.Message, text), cancellationToken);
    }

    public Task SucceedAsync(Guid runId, string message, CancellationToken cancellationToken = default)
    {
        var text = Clip(message, 500);
        var now = time.GetUtcNow();
        return UpdateAsync(runId, u => u.SetProperty(r => r.Progress, 100).SetProperty(r => r.Message, text)
            .SetProperty(r => r.Outcome, JobRunOutcome.Succeeded).SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    public Task FailAsync(Guid runId, Exception error, CancellationToken cancellationToken = default)
    {
        var text = Clip($"{error.GetType().Name}: {error.Message}", 2000);
        var now = time.GetUtcNow();
        return UpdateAsync(runId, u => u.SetProperty(r => r.Message, "运行失败，将按计划重试")
            .SetProperty(r => r.Outcome, JobRunOutcome.Failed).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, text), cancellationToken);
    }

    private async Task UpdateAsync(Guid runId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JobRun>> set, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.JobRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set, cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
