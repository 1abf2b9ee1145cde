using System.Linq.Expressions;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Runtime.Tasks;

/// <summary>Reads of the inbox and of finished work; none of them changes anything.</summary>
internal sealed class TaskQueries(TaskRuntime runtime)
{
    /// <summary>Open tasks the actor can work: assigned to them, or unassigned with them or one of their groups as candidate.</summary>
    public async Task<IReadOnlyList<HumanTask>> InboxAsync(Actor actor, int skip, int take, CancellationToken cancellationToken)
    {
        // the store reads the candidate table (one index range per key of the actor) where it has one
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var page = await session.InboxPageAsync(actor, skip, take, cancellationToken).ConfigureAwait(false);
        EngineTelemetry.InboxDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return page;
    }

    public async Task<int> InboxCountAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.InboxCountAsync(actor, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HumanTask>> AllOpenAsync(int take, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.State == HumanTaskState.Open).OrderBy(t => t.CreatedAt).Take(take), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HumanTask>> OverdueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.State == HumanTaskState.Open && t.DueAt != null && t.DueAt < now)
            .OrderBy(t => t.DueAt).Take(take), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HumanTask>> DoneAsync(Actor actor, int take, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.CompletedBy == actor.UserId && t.State != HumanTaskState.Cancelled)
            .OrderByDescending(t => t.CompletedInStep).Take(take), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TaskCopy>> CopiesAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Copies.Where(c => c.Recipient == actor.UserId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<HumanTask?> GetAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.FirstOrDefaultAsync(session.Tasks.Where(t => t.Id == taskId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HumanTask>> OfInstanceAsync(Guid rootInstanceId, CancellationToken cancellationToken)
    {
        await using var session = await runtime.Store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return await session.ListAsync(session.Tasks.Where(t => t.RootInstanceId == rootInstanceId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Assignee is me, or unassigned and I am a candidate (myself or one of my groups)" as a translatable predicate.</summary>
    public static Expression<Func<HumanTask, bool>> InboxOf(Actor actor)
    {
        var task = Expression.Parameter(typeof(HumanTask), "t");
        var assignee = Expression.Property(task, nameof(HumanTask.Assignee));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression candidate = Expression.Call(Expression.Property(task, nameof(HumanTask.CandidateUsers)), contains,
            Expression.Constant("," + actor.UserId + ","));
        foreach (var group in actor.Groups)
        {
            candidate = Expression.OrElse(candidate, Expression.Call(Expression.Property(task, nameof(HumanTask.CandidateGroups)), contains,
                Expression.Constant("," + group + ",")));
        }

        var body = Expression.OrElse(
            Expression.Equal(assignee, Expression.Constant(actor.UserId, typeof(string))),
            Expression.AndAlso(Expression.Equal(assignee, Expression.Constant(null, typeof(string))), candidate));
        return Expression.Lambda<Func<HumanTask, bool>>(body, task);
    }
}
