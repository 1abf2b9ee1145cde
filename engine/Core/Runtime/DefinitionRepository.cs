using System.Collections.Concurrent;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

/// <summary>Finds deployed versions and keeps them parsed; versions are immutable, so the cache never goes stale.</summary>
internal sealed class DefinitionRepository
{
    private readonly ConcurrentDictionary<Guid, DeployedProcess> byId = new();

    public async Task<DeployedProcess> GetAsync(IEngineSession session, Guid definitionId)
    {
        if (byId.TryGetValue(definitionId, out var cached))
        {
            return cached;
        }

        var record = await session.FindDefinitionAsync(definitionId).ConfigureAwait(false)
            ?? throw new EngineException(EngineErrors.DefinitionNotFound, definitionId);
        return Cache(record);
    }

    /// <param name="inStep">True when the session is a step's, which commits: the store may then check the version at the commit.</param>
    public async Task<DeployedProcess?> FindLatestAsync(IEngineSession session, string key, bool inStep = false)
    {
        var id = inStep
            ? await session.FindLatestDefinitionIdForStepAsync(key).ConfigureAwait(false)
            : await session.FindLatestDefinitionIdAsync(key).ConfigureAwait(false);
        return id is { } latest ? await GetAsync(session, latest).ConfigureAwait(false) : null;
    }

    public async Task<DeployedProcess?> FindVersionAsync(IEngineSession session, string key, int version)
    {
        var record = await session.FirstOrDefaultAsync(
            session.Definitions.Where(d => d.Key == key && d.Version == version)).ConfigureAwait(false);
        return record is null ? null : Cache(record);
    }

    public DeployedProcess Cache(DefinitionRecord record, ProcessDefinition? parsed = null)
    {
        return byId.GetOrAdd(record.Id, _ =>
        {
            var process = parsed ?? BpmnParser.Parse(record.Xml, record.ResourceName).Processes.Single(p => p.Key == record.Key);
            return new DeployedProcess(record, process);
        });
    }
}
