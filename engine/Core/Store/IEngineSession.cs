using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Store;

/// <summary>
/// A unit of work over the engine's tables. Entities read through the queryables are tracked: changes made to them,
/// plus <see cref="Add{T}"/> and <see cref="Remove{T}"/>, are written by <see cref="CommitAsync"/> in one transaction.
/// A concurrent change to the same instance (its Revision) or job makes CommitAsync throw <see cref="EngineConflictException"/>.
/// </summary>
public interface IEngineSession : IAsyncDisposable
{
    IQueryable<DefinitionRecord> Definitions { get; }
    IQueryable<ProcessInstance> Instances { get; }
    IQueryable<Execution> Executions { get; }
    IQueryable<HumanTask> Tasks { get; }
    IQueryable<EngineJob> Jobs { get; }
    IQueryable<MessageSubscription> Subscriptions { get; }
    IQueryable<JournalEntry> Journal { get; }
    IQueryable<Incident> Incidents { get; }
    IQueryable<TaskCopy> Copies { get; }

    /// <summary>Runs a query built on one of the queryables above (async for EF, synchronous in memory).</summary>
    Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    // Hot paths of every step. The defaults are plain queries (what EF Core runs); the in-memory store answers them from
    // indexes, because compiling a LINQ expression per lookup would dominate its cost.

    Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        FirstOrDefaultAsync(Instances.Where(i => i.Id == instanceId), cancellationToken);

    Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        FirstOrDefaultAsync(Tasks.Where(t => t.Id == taskId), cancellationToken);

    /// <summary>
    /// The instance a task belongs to, in one query and without tracking the task: a step must read the instance (and its revision)
    /// before it reads the instance's tasks, or a stale task could pass the revision check of a newer instance row.
    /// </summary>
    Task<ProcessInstance?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        FirstOrDefaultAsync(Instances.Where(i => Tasks.Any(t => t.Id == taskId && t.InstanceId == i.Id)), cancellationToken);

    Task<DefinitionRecord?> FindDefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default) =>
        FirstOrDefaultAsync(Definitions.Where(d => d.Id == definitionId), cancellationToken);

    /// <summary>The id of the key's latest version: its row (and XML) is usually in the engine's cache already.</summary>
    Task<Guid?> FindLatestDefinitionIdAsync(string key, CancellationToken cancellationToken = default) =>
        FirstOrDefaultAsync(Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id), cancellationToken);

    /// <summary>
    /// <see cref="FindLatestDefinitionIdAsync"/> for a step that goes on to commit: a store may answer from what it knew
    /// and check at the commit that no newer version was deployed meanwhile, refusing the commit as a conflict if one was
    /// (the step is then run again). Read-only callers use <see cref="FindLatestDefinitionIdAsync"/>.
    /// </summary>
    Task<Guid?> FindLatestDefinitionIdForStepAsync(string key, CancellationToken cancellationToken = default) =>
        FindLatestDefinitionIdAsync(key, cancellationToken);

    async Task<InstanceRows> LoadInstanceRowsAsync(Guid instanceId, CancellationToken cancellationToken = default) => new(
        await ListAsync(Executions.Where(e => e.InstanceId == instanceId), cancellationToken).ConfigureAwait(false),
        await ListAsync(Tasks.Where(t => t.InstanceId == instanceId), cancellationToken).ConfigureAwait(false),
        await ListAsync(Jobs.Where(j => j.InstanceId == instanceId), cancellationToken).ConfigureAwait(false),
        await ListAsync(Subscriptions.Where(s => s.InstanceId == instanceId), cancellationToken).ConfigureAwait(false),
        await ListAsync(Incidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// A page of the actor's inbox: open tasks assigned to them, or unassigned with them or one of their groups as
    /// candidate; urgent first (priority above 50), then oldest first. The EF store answers it from its candidate index.
    /// </summary>
    Task<List<HumanTask>> InboxPageAsync(Actor actor, int skip, int take, CancellationToken cancellationToken = default) =>
        ListAsync(Tasks.Where(t => t.State == HumanTaskState.Open).Where(TaskService.VisibleTo(actor))
            .OrderBy(t => t.Priority > 50 ? 0 : 1).ThenBy(t => t.CreatedAt).Skip(skip).Take(take), cancellationToken);

    /// <summary>How many tasks the actor's inbox holds (see <see cref="InboxPageAsync"/>).</summary>
    Task<int> InboxCountAsync(Actor actor, CancellationToken cancellationToken = default) =>
        CountAsync(Tasks.Where(t => t.State == HumanTaskState.Open).Where(TaskService.VisibleTo(actor)), cancellationToken);

    void Add<T>(T entity) where T : class;

    void Remove<T>(T entity) where T : class;

    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The provider's open transaction while <see cref="CommitAsync"/> is not yet called, for handlers that must write
    /// their own tables atomically with the step (null in memory). Typed object so the engine needs no ADO.NET knowledge.
    /// </summary>
    object? Transaction { get; }
}
