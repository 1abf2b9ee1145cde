using System.Globalization;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>The one source of an association's progress, for the portal, the unit's workbench, the register and the dashboard.</summary>
public sealed class ProgressQueries(WorkflowEngine engine)
{
    public const string DecouplingProcess = "decoupling";
    public const string UnitSummaryProcess = "unit-summary";
    public const string EvaluationProcess = "evaluation";
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
            return await AfterTheCaseAsync(instance, cancellationToken);
        }

        var process = await engine.GetProcessAsync(instance.DefinitionId, cancellationToken);
        var diagram = await engine.GetDiagramAsync(instance.Id, cancellationToken);
        var step = diagram.Active.Concat(diagram.Completed.Keys)
            .Select(id => process.NodesById.GetValueOrDefault(id)?.Properties.GetValueOrDefault(StepProperty))
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(1).Max();
        return new CaseProgress(instance, Math.Max(1, step), [.. open.Select(t => t.Name ?? t.ElementId).Distinct()]);
    }

    /// <summary>
    /// The association's own case is over (steps 1–3): step 4 is done when its unit's summary case has ended, step 5
    /// when, after that, a district evaluation has ended. The unit is the one the case ran under (a decoupled
    /// association names none any more).
    /// </summary>
    private async Task<CaseProgress> AfterTheCaseAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        var unit = (System.Text.Json.Nodes.JsonNode.Parse(instance.VariablesJson) as System.Text.Json.Nodes.JsonObject)?["supervisoryUnitCode"]?.ToString();
        var summary = unit is null ? null
            : (await engine.ListInstancesAsync(key: UnitSummaryProcess, businessKey: unit, take: 50, cancellationToken: cancellationToken))
                .Where(i => i.State == InstanceState.Completed).OrderByDescending(i => i.EndedAt).FirstOrDefault();
        if (summary is null)
        {
            return new CaseProgress(instance, 4, []) { StepsDone = 3 };
        }

        var evaluated = (await engine.ListInstancesAsync(key: EvaluationProcess, businessKey: CaseSubjects.DistrictKey, take: 50, cancellationToken: cancellationToken))
            .Any(i => i.State == InstanceState.Completed && i.EndedAt >= summary.EndedAt);
        return new CaseProgress(instance, 5, []) { StepsDone = evaluated ? 5 : 4 };
    }
}
