using Decoupling.Engine.Entities;

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

    void Add<T>(T entity) where T : class;

    void Remove<T>(T entity) where T : class;

    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The provider's open transaction while <see cref="CommitAsync"/> is not yet called, for handlers that must write
    /// their own tables atomically with the step (null in memory). Typed object so the engine needs no ADO.NET knowledge.
    /// </summary>
    object? Transaction { get; }
}
