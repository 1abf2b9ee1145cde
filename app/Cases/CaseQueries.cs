using System.Text.Json.Nodes;
using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>Reads of cases for the instance viewer, the lists and the progress bar, each answered only to someone who may see the case.</summary>
public sealed class CaseQueries(WorkflowEngine engine, CaseNames names, ProcessCatalog catalog, PeopleDirectory people)
{
    /// <summary>Journal kinds people follow in a timeline; the rest (entered, completed...) feed the diagram's counts.</summary>
    public static readonly IReadOnlySet<string> HumanKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "instance-started", "instance-completed", "instance-cancelled", "instance-migrated", "task-created", "task-completed", "task-claimed",
        "task-unclaimed", "task-returned", "task-withdrawn", "task-transferred", "task-delegated", "task-resolved", "signers-added",
        "signer-removed", "signer-completed", "task-copied", "task-urged", "task-skipped", "no-approver", "error-thrown", "incident",
        "incident-retried", "variables-changed", "call-started",
    };

    public async Task<CaseView> GetAsync(CaseActor actor, Guid instanceId, CancellationToken cancellationToken = default)
    {
        if (!await engine.MaySeeInstanceAsync(instanceId, actor.Actor, cancellationToken))
        {
            throw new AppException(AppErrors.InstanceNotVisible, instanceId);
        }

        var instance = (await engine.GetInstanceAsync(instanceId, cancellationToken))!;
        var processNames = await catalog.ProcessNamesAsync(cancellationToken);
        var journal = (await engine.GetJournalAsync(instance.RootInstanceId, cancellationToken)).Where(j => j.InstanceId == instanceId).ToList();
        var children = new List<CaseChild>();
        foreach (var child in (await engine.ListInstancesAsync(take: 5000, cancellationToken: cancellationToken)).Where(i => i.ParentInstanceId == instanceId).OrderBy(i => i.StartedAt))
        {
            children.Add(new CaseChild(child, LabelOf(child, processNames)));
        }

        return new CaseView(
            instance,
            processNames.GetValueOrDefault(instance.DefinitionKey, instance.DefinitionKey),
            await names.NameOfAsync(instance.BusinessKey, cancellationToken),
            await TimelineAsync(instance.DefinitionId, journal, cancellationToken),
            await engine.OpenIncidentsAsync(instanceId, cancellationToken),
            children,
            await engine.GetDiagramAsync(instanceId, cancellationToken));
    }

    /// <summary>A called case's label: its process, and the checklist item it is about when it has one.</summary>
    private static string LabelOf(ProcessInstance child, IReadOnlyDictionary<string, string> processNames)
    {
        var name = processNames.GetValueOrDefault(child.DefinitionKey, child.DefinitionKey);
        var variables = JsonNode.Parse(child.VariablesJson) as JsonObject;
        return variables?["item"] is JsonObject item && item["title"] is JsonValue title
            ? $"{name}：{item["number"]}. {title}"
            : name;
    }

    /// <summary>A case's whole history (the instance and every case it called), for the task page's timeline.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineOfCaseAsync(CaseActor actor, Guid rootInstanceId, CancellationToken cancellationToken = default)
    {
        if (!await engine.MaySeeInstanceAsync(rootInstanceId, actor.Actor, cancellationToken))
        {
            throw new AppException(AppErrors.InstanceNotVisible, rootInstanceId);
        }

        var journal = await engine.GetJournalAsync(rootInstanceId, cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var group in journal.GroupBy(j => j.InstanceId))
        {
            var instance = await engine.GetInstanceAsync(group.Key, cancellationToken);
            entries.AddRange(await TimelineAsync(instance?.DefinitionId, [.. group], cancellationToken));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid? definitionId, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        var who = await people.NamesAsync(cancellationToken);
        var process = definitionId is { } id ? await engine.GetProcessAsync(id, cancellationToken) : null;
        var result = new List<TimelineEntry>();
        foreach (var entry in journal.Where(j => HumanKinds.Contains(j.Kind)))
        {
            var node = entry.ElementId is null ? null : process?.NodesById.GetValueOrDefault(entry.ElementId);
            var outcome = entry.DataJson is { } data && entry.Kind is "task-completed" or "signer-completed"
                ? (JsonNode.Parse(data) as JsonObject)?["outcome"]?.GetValue<string>()
                : entry.Kind == "task-returned" ? "returned" : null;
            var outcomeField = node?.Form?.Outcome;
            result.Add(new TimelineEntry(
                entry.At,
                entry.Kind,
                entry.ElementId,
                // an entry of the instance itself (a called case's end) is named by its process, not left as 流程
                entry.ElementName ?? node?.Name ?? (entry.ElementId is null ? process?.Name : null),
                entry.Actor is { } by ? who.GetValueOrDefault(by, by) : "系统",
                outcome is null ? null : outcome == "returned" ? "退回" : outcomeField?.ValueName(outcome) ?? outcome,
                ProcessCatalog.IsNegative(outcomeField, outcome),
                // an instance's end carries the engine's reason code (completed, terminated), which the kind already says in words
                entry.Kind == "instance-completed" ? null : entry.Comment));
        }

        return result;
    }

    /// <summary>Cases of a process (all of them to supervisors; otherwise those the actor started), newest first.</summary>
    public async Task<IReadOnlyList<ProcessInstance>> ListAsync(CaseActor actor, string? key, bool activeOnly, CancellationToken cancellationToken = default)
    {
        var all = await engine.ListInstancesAsync(key: key, state: activeOnly ? InstanceState.Active : null, take: 2000, cancellationToken: cancellationToken);
        return actor.IsLeadership ? all.Where(i => i.ParentInstanceId is null).ToList() : all.Where(i => i.ParentInstanceId is null && i.StartedBy == actor.UserName).ToList();
    }

    /// <summary>The latest decoupling case of an association, if the actor may see it (for the progress bar and the unit's list).</summary>
    public async Task<ProcessInstance?> LatestCaseOfAsync(CaseActor actor, string key, string businessKey, CancellationToken cancellationToken = default)
    {
        var instance = (await engine.ListInstancesAsync(key: key, businessKey: businessKey, take: 1, cancellationToken: cancellationToken)).FirstOrDefault();
        return instance is not null && await engine.MaySeeInstanceAsync(instance.Id, actor.Actor, cancellationToken) ? instance : null;
    }
}
