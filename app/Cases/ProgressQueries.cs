using System.Globalization;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>The one source of an association's progress, for the portal, the unit's workbench, the register and the dashboard.</summary>
public sealed class ProgressQueries(WorkflowEngine engine)
{
    public const string DecouplingProcess = "decoupling";
    public const string StepProperty = "step";

    /// <summary>The association's latest decoupling case and its step; none when there is none or the actor may not see it.</summary>
    public async Task<CaseProgress> OfAssociationAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        var instance = (await engine.ListInstancesAsync(key: DecouplingProcess, businessKey: associationId.ToString(), take: 1, cancellationToken: cancellationToken)).FirstOrDefault();
        if (instance is null || !await engine.MaySeeInstanceAsync(instance.Id, actor.Actor, cancellationToken))
        {
            return CaseProgress.None;
        }

        return await ProgressOfAsync(instance, cancellationToken);
    }

    /// <summary>Progress of many associations' cases at once (a unit's workbench), by association id.</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseProgress>> OfAssociationsAsync(IReadOnlyCollection<Guid> associationIds, CancellationToken cancellationToken = default)
    {
        var wanted = associationIds.Select(a => a.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<Guid, CaseProgress>();
        foreach (var instance in (await engine.ListInstancesAsync(key: DecouplingProcess, take: 10_000, cancellationToken: cancellationToken))
                     .Where(i => i.BusinessKey is { } k && wanted.Contains(k)).OrderByDescending(i => i.StartedAt))
        {
            var id = Guid.Parse(instance.BusinessKey!);
            if (!result.ContainsKey(id))
            {
                result[id] = await ProgressOfAsync(instance, cancellationToken);
            }
        }

        return result;
    }

    private async Task<CaseProgress> ProgressOfAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        var open = (await engine.Tasks.OfInstanceAsync(instance.RootInstanceId, cancellationToken)).Where(t => t.State == HumanTaskState.Open).ToList();
        if (instance.State != InstanceState.Active)
        {
            return new CaseProgress(instance, 4, []);
        }

        var process = await engine.GetProcessAsync(instance.DefinitionId, cancellationToken);
        var diagram = await engine.GetDiagramAsync(instance.Id, cancellationToken);
        var step = diagram.Active.Concat(diagram.Completed.Keys)
            .Select(id => process.NodesById.GetValueOrDefault(id)?.Properties.GetValueOrDefault(StepProperty))
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(1).Max();
        return new CaseProgress(instance, Math.Max(1, step), [.. open.Select(t => t.Name ?? t.ElementId).Distinct()]);
    }
}
