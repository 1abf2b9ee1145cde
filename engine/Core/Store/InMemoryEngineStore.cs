using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Store;

/// <summary>
/// The engine's tables in memory, for simulation and benchmarks. One session at a time holds a lock, so steps are
/// serialised as they would be per instance in a database; entities are shared objects (no copies), which is what
/// makes this store fast, and why it is never used where a failed step must leave the previous state intact.
/// </summary>
public sealed class InMemoryEngineStore : IEngineStore
{
    private readonly SemaphoreSlim gate = new(1, 1);

    internal List<DefinitionRecord> Definitions { get; } = [];
    internal Dictionary<Guid, ProcessInstance> Instances { get; } = [];
    internal Dictionary<Guid, Execution> Executions { get; } = [];
    internal Dictionary<Guid, HumanTask> Tasks { get; } = [];
    internal Dictionary<Guid, EngineJob> Jobs { get; } = [];
    internal Dictionary<Guid, MessageSubscription> Subscriptions { get; } = [];
    internal List<JournalEntry> Journal { get; } = [];
    internal Dictionary<Guid, Incident> Incidents { get; } = [];
    internal Dictionary<Guid, TaskCopy> Copies { get; } = [];
    internal long NextJournalId { get; set; } = 1;

    /// <summary>Rows by instance id, kept in step with the tables at commit, so loading an instance does not scan.</summary>
    internal Dictionary<Guid, HashSet<object>> ByInstance { get; } = [];

    internal void Index(Guid? instanceId, object row, bool add)
    {
        if (instanceId is not { } id)
        {
            return;
        }

        if (!ByInstance.TryGetValue(id, out var rows))
        {
            ByInstance[id] = rows = [];
        }

        if (add)
        {
            rows.Add(row);
        }
        else
        {
            rows.Remove(row);
        }
    }

    public async Task<IEngineSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new InMemoryEngineSession(this, () => gate.Release());
    }
}
