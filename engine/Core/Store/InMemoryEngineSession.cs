using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Store;

/// <summary>A session over <see cref="InMemoryEngineStore"/>: adds and removes are buffered until commit.</summary>
internal sealed class InMemoryEngineSession(InMemoryEngineStore store, Action release) : IEngineSession
{
    private readonly List<object> added = [];
    private readonly List<object> removed = [];
    private bool released;

    public IQueryable<DefinitionRecord> Definitions => store.Definitions.AsQueryable();
    public IQueryable<ProcessInstance> Instances => store.Instances.Values.AsQueryable();
    public IQueryable<Execution> Executions => store.Executions.Values.AsQueryable();
    public IQueryable<HumanTask> Tasks => store.Tasks.Values.AsQueryable();
    public IQueryable<EngineJob> Jobs => store.Jobs.Values.AsQueryable();
    public IQueryable<MessageSubscription> Subscriptions => store.Subscriptions.Values.AsQueryable();
    public IQueryable<JournalEntry> Journal => store.Journal.AsQueryable();
    public IQueryable<Incident> Incidents => store.Incidents.Values.AsQueryable();
    public IQueryable<TaskCopy> Copies => store.Copies.Values.AsQueryable();
    public object? Transaction => null;

    public Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        Task.FromResult(query.ToList());

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        Task.FromResult(query.FirstOrDefault());

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        Task.FromResult(query.Count());

    public Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Instances.GetValueOrDefault(instanceId));

    public Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Tasks.GetValueOrDefault(taskId));

    public Task<ProcessInstance?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Tasks.TryGetValue(taskId, out var task) ? store.Instances.GetValueOrDefault(task.InstanceId) : null);

    public Task<DefinitionRecord?> FindDefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Definitions.Find(d => d.Id == definitionId));

    public Task<Guid?> FindLatestDefinitionIdAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Definitions.Where(d => d.Key == key).MaxBy(d => d.Version)?.Id);

    public Task<InstanceRows> LoadInstanceRowsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var rows = store.ByInstance.TryGetValue(instanceId, out var set) ? set : [];
        return Task.FromResult(new InstanceRows(
            rows.OfType<Execution>().ToList(),
            rows.OfType<HumanTask>().ToList(),
            rows.OfType<EngineJob>().ToList(),
            rows.OfType<MessageSubscription>().ToList(),
            rows.OfType<Incident>().Where(i => i.ResolvedAt == null).ToList()));
    }

    public void Add<T>(T entity) where T : class => added.Add(entity);

    public void Remove<T>(T entity) where T : class
    {
        if (!added.Remove(entity))
        {
            removed.Add(entity);
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entity in removed)
        {
            switch (entity)
            {
                case ProcessInstance i: store.Instances.Remove(i.Id); break;
                case Execution e: store.Executions.Remove(e.Id); store.Index(e.InstanceId, e, add: false); break;
                case HumanTask t: store.Tasks.Remove(t.Id); store.Index(t.InstanceId, t, add: false); break;
                case EngineJob j: store.Jobs.Remove(j.Id); store.Index(j.InstanceId, j, add: false); break;
                case MessageSubscription s: store.Subscriptions.Remove(s.Id); store.Index(s.InstanceId, s, add: false); break;
                case Incident i: store.Incidents.Remove(i.Id); store.Index(i.InstanceId, i, add: false); break;
                case TaskCopy c: store.Copies.Remove(c.Id); break;
                default: throw new InvalidOperationException($"cannot remove {entity.GetType().Name}");
            }
        }

        foreach (var entity in added)
        {
            switch (entity)
            {
                case DefinitionRecord d:
                    if (store.Definitions.Any(x => x.Key == d.Key && x.Version == d.Version))
                    {
                        throw new EngineConflictException($"definition {d.Key} version {d.Version} exists");
                    }

                    store.Definitions.Add(d);
                    break;
                case ProcessInstance i: store.Instances[i.Id] = i; break;
                case Execution e: store.Executions[e.Id] = e; store.Index(e.InstanceId, e, add: true); break;
                case HumanTask t: store.Tasks[t.Id] = t; store.Index(t.InstanceId, t, add: true); break;
                case EngineJob j: store.Jobs[j.Id] = j; store.Index(j.InstanceId, j, add: true); break;
                case MessageSubscription s: store.Subscriptions[s.Id] = s; store.Index(s.InstanceId, s, add: true); break;
                case JournalEntry j:
                    j.Id = store.NextJournalId++;
                    store.Journal.Add(j);
                    break;
                case Incident i: store.Incidents[i.Id] = i; store.Index(i.InstanceId, i, add: true); break;
                case TaskCopy c: store.Copies[c.Id] = c; break;
                default: throw new InvalidOperationException($"cannot add {entity.GetType().Name}");
            }
        }

        added.Clear();
        removed.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!released)
        {
            released = true;
            release();
        }

        return ValueTask.CompletedTask;
    }
}
