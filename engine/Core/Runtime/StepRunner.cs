using Decoupling.Engine.Services;
using Decoupling.Engine.Store;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// Runs one step: open a session, apply the command, move tokens until all wait, fire ready inclusive joins, commit
/// once, then announce. An exception before the commit leaves nothing written.
/// </summary>
internal sealed class StepRunner(IEngineStore store, IClock clock, Executor executor, IJobScheduler? scheduler, IReadOnlyList<IEngineListener> listeners)
{
    public IJobScheduler? Scheduler => scheduler;

    /// <summary>Attempts of a step that lost a race on its instance (or its parent) before the conflict reaches the caller.</summary>
    private const int ConflictAttempts = 4;

    /// <summary>
    /// Runs the command as one step. A step that loses a race (another step committed on the same instance first, for
    /// instance a sibling call finishing and moving the common parent) is run again on fresh state: the user's command is
    /// still valid, and if it no longer is (the task was taken meanwhile) the retry refuses it with the proper reason.
    /// </summary>
    public async Task<T> RunAsync<T>(Actor actor, Func<StepContext, Task<T>> command, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(actor, command, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineConflictException) when (attempt < ConflictAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> RunOnceAsync<T>(Actor actor, Func<StepContext, Task<T>> command, CancellationToken cancellationToken)
    {
        StepContext? ctx = null;
        T result;
        using var activity = EngineTelemetry.Source.StartActivity("engine.step");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using (var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false))
            {
                ctx = new StepContext(session, clock.Now, actor);
                result = await command(ctx).ConfigureAwait(false);
                do
                {
                    await ctx.DrainAsync().ConfigureAwait(false);
                }
                while (executor.FireReadyInclusiveJoins(ctx) || executor.FireConditionalEvents(ctx));

                foreach (var action in ctx.AfterDrain)
                {
                    action();
                }

                // listeners write what must outlive a crash (the outbox) on the step's own transaction
                var commit = new StepCommit(() => session.Transaction, ctx.Now, listener => AnnounceTo(listener, ctx));
                foreach (var listener in listeners)
                {
                    await listener.StepCommittingAsync(commit, cancellationToken).ConfigureAwait(false);
                }

                await ctx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            EngineTelemetry.Record(activity, started, ctx?.Graphs.FirstOrDefault()?.Instance.DefinitionKey, e is EngineConflictException ? "conflict" : "failed");
            throw;
        }

        EngineTelemetry.Record(activity, started, ctx.Graphs.FirstOrDefault()?.Instance.DefinitionKey, "committed");
        Announce(ctx);
        return result;
    }

    private void Announce(StepContext ctx)
    {
        if (scheduler is not null)
        {
            foreach (var job in ctx.NewJobs.Where(j => !j.HasIncident).Distinct())
            {
                scheduler.Schedule(job.Id, job.DueAt);
            }
        }

        foreach (var listener in listeners)
        {
            // the step is committed: a listener that fails (a notice not sent) must not turn it into an error for the caller
            try
            {
                AnnounceTo(listener, ctx);
            }
            catch (Exception)
            {
            }
        }
    }

    private static void AnnounceTo(IEngineListener listener, StepContext ctx)
    {
        {
            foreach (var task in ctx.NewTasks)
            {
                listener.TaskCreated(task);
            }

            foreach (var instance in ctx.EndedInstances)
            {
                listener.InstanceEnded(instance);
            }

            foreach (var incident in ctx.NewIncidents)
            {
                listener.IncidentCreated(incident);
            }

            foreach (var announcement in ctx.Announcements)
            {
                announcement(listener);
            }
        }
    }
}
