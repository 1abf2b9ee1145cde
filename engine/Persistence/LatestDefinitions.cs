using System.Collections.Concurrent;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// What one store last knew to be each process key's latest version, so that a step starting "the latest version" (a
/// start, a call activity) need not ask the database first. Never trusted alone: the step's commit checks in the same batch
/// that no newer version of the key exists (<see cref="PostgresBatchWriter"/>), and if one does, the step is refused as a
/// conflict, this entry forgotten, and the retried step reads the database. So a step uses exactly the version it would
/// have read from the database, as of its commit.
/// </summary>
internal sealed class LatestDefinitions
{
    private readonly ConcurrentDictionary<string, Latest> _byKey = new(StringComparer.Ordinal);

    public bool TryGet(string key, out Latest latest) => _byKey.TryGetValue(key, out latest);

    /// <summary>Remembers a version read or deployed, unless a newer one of the same key is known already.</summary>
    public void Learn(string key, Guid id, int version) =>
        _byKey.AddOrUpdate(key, new Latest(id, version), (_, known) => known.Version >= version ? known : new Latest(id, version));

    /// <summary>Forgets the entry a failed check relied on (not a newer one learnt meanwhile).</summary>
    public void Forget(string key, Latest latest) => _byKey.TryRemove(KeyValuePair.Create(key, latest));

    public readonly record struct Latest(Guid Id, int Version);
}
