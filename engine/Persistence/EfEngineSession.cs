using System.Data.Common;
using System.Diagnostics;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Persistence.Resources;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// One unit of work: one <see cref="EngineDbContext"/> and at most one database transaction at a time.
/// <para>
/// Reads run on the context as they come (each sees the latest committed data, as READ COMMITTED would); the
/// transaction is begun lazily, by <see cref="CommitAsync"/> or earlier by the first read of <see cref="Transaction"/>, and
/// <see cref="CommitAsync"/> writes everything with SaveChanges inside it and commits. Correctness does not depend on holding
/// the transaction from the start: every step increments <see cref="ProcessInstance.Revision"/> (and the session increments
/// <see cref="EngineJob.Revision"/> of an updated job), so a step that read stale data fails its UPDATE ... WHERE Revision
/// and gets <see cref="EngineConflictException"/>. Beginning late keeps SQLite's single write lock (BEGIN IMMEDIATE) short
/// and lets two sessions read the same instance at once on both providers.
/// </para>
/// <para>
/// After a failed commit the transaction is rolled back and the session refuses further use; open a new one.
/// After a successful commit the session may be used for another unit of work.
/// </para>
/// </summary>
public sealed class EfEngineSession : IEngineSession
{
    private readonly EngineDbContext _context;
    private IDbContextTransaction? _transaction;

    // what the last read of each instance row said about its jobs, subscriptions and incidents; used once, by the
    // following LoadInstanceRowsAsync of the same unit of work
    private readonly Dictionary<Guid, InstanceRead> _presence = [];

    // on PostgreSQL, the rows read with the instance row in one round trip; used once, like _presence
    private readonly Dictionary<Guid, InstanceRows> _prefetched = [];
    private bool _failed;
    private bool _disposed;
    private bool _opened;

    // the store's knowledge of each key's latest version, and the versions this unit of work relied on without reading
    private readonly LatestDefinitions _latest;
    private readonly List<(string Key, LatestDefinitions.Latest Latest)> _latestRelied = [];

    public EfEngineSession(EngineDbContext context)
        : this(context, new LatestDefinitions())
    {
    }

    internal EfEngineSession(EngineDbContext context, LatestDefinitions latest)
    {
        _context = context;
        _latest = latest;

        // a failed commit ends the whole session (see above), so EF's savepoint around SaveChanges in an open transaction
        // protects nothing and costs two round trips per step
        _context.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The session's context, for host code that wants EF directly (same change tracker, same transaction).</summary>
    public EngineDbContext Context => Usable();

    public IQueryable<DefinitionRecord> Definitions => Usable().Definitions;
    public IQueryable<ProcessInstance> Instances => Usable().Instances;
    public IQueryable<Execution> Executions => Usable().Executions;
    public IQueryable<HumanTask> Tasks => Usable().Tasks;
    public IQueryable<EngineJob> Jobs => Usable().Jobs;
    public IQueryable<MessageSubscription> Subscriptions => Usable().Subscriptions;
    public IQueryable<JournalEntry> Journal => Usable().Journal;
    public IQueryable<Incident> Incidents => Usable().Incidents;
    public IQueryable<TaskCopy> Copies => Usable().Copies;

    /// <summary>
    /// The open <see cref="DbTransaction"/> (its <see cref="DbTransaction.Connection"/> is the connection to write on),
    /// begun now if it is not yet. Host handlers that write their own tables atomically with the step enlist in it; on SQLite
    /// that takes the database's write lock until the session commits or is disposed, so keep such steps short.
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)] // reading it begins the transaction; a debugger must not
    public object? Transaction => BeginTransaction();

    /// <summary>The typed form of <see cref="Transaction"/>.</summary>
    public DbTransaction BeginTransaction()
    {
        var context = Usable();
        _transaction ??= context.Database.BeginTransaction();
        return _transaction.GetDbTransaction();
    }

    /// <summary>The asynchronous form of <see cref="BeginTransaction"/>.</summary>
    public async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        var context = Usable();
        _transaction ??= await context.Database.BeginTransactionAsync(cancellationToken);
        return _transaction.GetDbTransaction();
    }

    public async Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await query.ToListAsync(cancellationToken);
    }

    public async Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await query.FirstOrDefaultAsync(cancellationToken);
    }

    // Compiled forms of the queries every step makes: EF Core then skips translating (and hashing) the expression each
    // time. A compiled query binds to the first model it runs against, so each provider's context type gets its own set.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HotQueries> Compiled = new();

    private HotQueries Queries => Compiled.GetOrAdd(_context.GetType(), _ => new HotQueries());

    public async Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        if (_context is PostgresEngineDbContext)
        {
            return await PrefetchAsync("$1", instanceId, cancellationToken);
        }

        return Remember(await Queries.InstanceById(_context, instanceId));
    }

    /// <summary>On PostgreSQL the instance comes with all its rows in one round trip; LoadInstanceRowsAsync then hands them out.</summary>
    private async Task<ProcessInstance?> PrefetchAsync(string instanceFilter, Guid key, CancellationToken cancellationToken)
    {
        var (instance, rows) = await PostgresRowReader.ReadAsync(_context, instanceFilter, key, cancellationToken);
        if (instance is not null)
        {
            _prefetched[instance.Id] = rows;
        }

        return instance;
    }

    private ProcessInstance? Remember(InstanceRead? read)
    {
        if (read is null)
        {
            return null;
        }

        _presence[read.Instance.Id] = read;
        return read.Instance;
    }

    public async Task<ProcessInstance?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        if (_context is PostgresEngineDbContext)
        {
            return await PrefetchAsync("""(SELECT "InstanceId" FROM wf_tasks WHERE "Id" = $1)""", taskId, cancellationToken);
        }

        return Remember(await Queries.InstanceOfTask(_context, taskId));
    }

    public async Task<Guid?> FindLatestDefinitionIdAsync(string key, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await Queries.LatestDefinitionId(_context, key);
    }

    /// <summary>
    /// On PostgreSQL, a step that starts the latest version uses the one the store last knew, without a round trip; the
    /// commit's batch then checks that no newer version exists (see <see cref="LatestDefinitions"/>).
    /// </summary>
    public async Task<Guid?> FindLatestDefinitionIdForStepAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_context is not PostgresEngineDbContext)
        {
            return await FindLatestDefinitionIdAsync(key, cancellationToken);
        }

        if (_latest.TryGet(key, out var known))
        {
            _latestRelied.Add((key, known));
            return known.Id;
        }

        await OpenAsync(cancellationToken);
        var read = await Queries.LatestDefinition(_context, key);
        if (read is not null)
        {
            _latest.Learn(key, read.Id, read.Version);
        }

        return read?.Id;
    }

    public async Task<InstanceRows> LoadInstanceRowsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        if (_prefetched.Remove(instanceId, out var prefetched))
        {
            return prefetched;
        }

        var queries = Queries;
        _presence.Remove(instanceId, out var known);
        return new InstanceRows(
            await queries.ExecutionsOf(_context, instanceId).ToListAsync(cancellationToken),
            await queries.TasksOf(_context, instanceId).ToListAsync(cancellationToken),
            known is { HasJobs: false } ? [] : await queries.JobsOf(_context, instanceId).ToListAsync(cancellationToken),
            known is { HasSubscriptions: false } ? [] : await queries.SubscriptionsOf(_context, instanceId).ToListAsync(cancellationToken),
            known is { HasOpenIncidents: false } ? [] : await queries.OpenIncidentsOf(_context, instanceId).ToListAsync(cancellationToken));
    }

    public async Task<List<HumanTask>> InboxPageAsync(Actor actor, int skip, int take, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await InboxQueries.PageAsync(_context, actor, skip, take, cancellationToken);
    }

    public async Task<int> InboxCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await InboxQueries.CountAsync(_context, actor, countersKept: _context is PostgresEngineDbContext, cancellationToken);
    }

    public async Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        return await query.CountAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps one connection for the whole session: a step makes several queries and a commit, and letting EF open and
    /// close the connection around each of them costs more than the queries themselves.
    /// </summary>
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var context = Usable();
        if (!_opened)
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            _opened = true;
        }
    }

    public void Add<T>(T entity)
        where T : class => Usable().Add(entity);

    public void Remove<T>(T entity)
        where T : class => Usable().Remove(entity);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var context = Usable();
        _presence.Clear();
        _prefetched.Clear();
        // The commit finds what changed once: every later look at the change tracker (the job revisions, the candidate rows,
        // the writer's list of rows) would otherwise compare every tracked row with its snapshot again, four or more full
        // scans per commit, among the largest costs in a profile of a step. What the commit itself changes it marks as
        // modified explicitly.
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        var relied = _latestRelied.ToList();
        _latestRelied.Clear();
        var deployed = tracker.Entries<DefinitionRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        try
        {
            IncrementJobRevisions(context);
            var inboxDeltas = CandidateSync.Apply(context);
            if (context is PostgresEngineDbContext)
            {
                // one round trip: the batch is its own transaction unless a handler opened the session's transaction
                await OpenAsync(cancellationToken);
                await PostgresBatchWriter.WriteAsync(context, inboxDeltas, relied, cancellationToken);
                if (_transaction is not null)
                {
                    await _transaction.CommitAsync(cancellationToken);
                }
            }
            else
            {
                _transaction ??= await context.Database.BeginTransactionAsync(cancellationToken);
                await context.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                await _transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception exception)
        {
            _failed = true;
            tracker.AutoDetectChangesEnabled = autoDetect;
            foreach (var (key, latest) in relied)
            {
                _latest.Forget(key, latest); // stale or not, the retried step reads the database
            }

            await EndTransactionAsync();
            if (ConflictTranslator.Translate(exception, context) is { } conflict)
            {
                throw conflict;
            }

            throw;
        }

        tracker.AutoDetectChangesEnabled = autoDetect;
        foreach (var definition in deployed)
        {
            _latest.Learn(definition.Key, definition.Id, definition.Version);
        }

        await EndTransactionAsync();
        context.ChangeTracker.AcceptAllChanges();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await EndTransactionAsync();
        await _context.DisposeAsync();
    }

    /// <summary>An updated job carries its revision forward, so the UPDATE only matches the row the session read.</summary>
    private static void IncrementJobRevisions(EngineDbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<EngineJob>())
        {
            if (entry.State == EntityState.Modified)
            {
                var revision = entry.Property(j => j.Revision);
                revision.CurrentValue = revision.OriginalValue + 1;
            }
        }
    }

    /// <summary>Disposing an uncommitted transaction rolls it back; a rollback failure must not hide the original error.</summary>
    private async Task EndTransactionAsync()
    {
        if (_transaction is null)
        {
            return;
        }

        var transaction = _transaction;
        _transaction = null;
        try
        {
            await transaction.DisposeAsync();
        }
        catch (DbException)
        {
            // the connection is gone; the database rolls the transaction back itself
        }
    }

    private EngineDbContext Usable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed)
        {
            throw new InvalidOperationException(PersistenceText.Get("STORE_SESSION_FAILED"));
        }

        return _context;
    }
}
