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

    public async Task<T> RunAsync<T>(Actor actor, Func<StepContext, Task<T>> command, CancellationToken cancellationToken = default)
    {
        StepContext ctx;
        T result;
        await using (var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false))
        {
            ctx = new StepContext(session, clock.Now, actor);
            result = await command(ctx).ConfigureAwait(false);
            do
            {
                await ctx.DrainAsync().ConfigureAwait(false);
            }
            while (executor.FireReadyInclusiveJoins(ctx));

            foreach (var action in ctx.AfterDrain)
            {
                action();
            }

            await ctx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

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
