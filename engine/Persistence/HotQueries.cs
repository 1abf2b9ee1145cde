using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Engine.Persistence;

/// <summary>The compiled queries of every step, one set per provider context type (see EfEngineSession).</summary>
internal sealed class HotQueries
{
    public readonly Func<EngineDbContext, Guid, Task<InstanceRead?>> InstanceById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Instances.Where(i => i.Id == id)
            .Select(i => new InstanceRead(i, db.Jobs.Any(j => j.InstanceId == i.Id), db.Subscriptions.Any(s => s.InstanceId == i.Id), db.Incidents.Any(x => x.InstanceId == i.Id && x.ResolvedAt == null)))
            .FirstOrDefault());

    public readonly Func<EngineDbContext, Guid, Task<InstanceRead?>> InstanceOfTask =
        EF.CompileAsyncQuery((EngineDbContext db, Guid taskId) => db.Instances.Where(i => db.Tasks.Any(t => t.Id == taskId && t.InstanceId == i.Id))
            .Select(i => new InstanceRead(i, db.Jobs.Any(j => j.InstanceId == i.Id), db.Subscriptions.Any(s => s.InstanceId == i.Id), db.Incidents.Any(x => x.InstanceId == i.Id && x.ResolvedAt == null)))
            .FirstOrDefault());

    public readonly Func<EngineDbContext, string, Task<Guid?>> LatestDefinitionId =
        EF.CompileAsyncQuery((EngineDbContext db, string key) => db.Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id).FirstOrDefault());

    public readonly Func<EngineDbContext, string, Task<LatestDefinition?>> LatestDefinition =
        EF.CompileAsyncQuery((EngineDbContext db, string key) => db.Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version)
            .Select(d => new LatestDefinition(d.Id, d.Version)).FirstOrDefault());

    public readonly Func<EngineDbContext, Guid, IAsyncEnumerable<Execution>> ExecutionsOf =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Executions.Where(e => e.InstanceId == id));

    public readonly Func<EngineDbContext, Guid, IAsyncEnumerable<HumanTask>> TasksOf =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Tasks.Where(t => t.InstanceId == id));

    public readonly Func<EngineDbContext, Guid, IAsyncEnumerable<EngineJob>> JobsOf =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Jobs.Where(j => j.InstanceId == id));

    public readonly Func<EngineDbContext, Guid, IAsyncEnumerable<MessageSubscription>> SubscriptionsOf =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Subscriptions.Where(s => s.InstanceId == id));

    public readonly Func<EngineDbContext, Guid, IAsyncEnumerable<Incident>> OpenIncidentsOf =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Incidents.Where(i => i.InstanceId == id && i.ResolvedAt == null));
}

/// <summary>A key's latest version as <see cref="HotQueries.LatestDefinition"/> reads it.</summary>
internal sealed record LatestDefinition(Guid Id, int Version);
