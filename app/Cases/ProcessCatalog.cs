using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model.Forms;

namespace Decoupling.Application.Cases;

/// <summary>
/// Names read from the definitions themselves — a process's name, an outcome's name as its task's form declares it —
/// so a redesign in the designer renames them everywhere without code.
/// </summary>
public sealed class ProcessCatalog(WorkflowEngine engine)
{
    /// <summary>Process names by key (the latest version's name).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProcessNamesAsync(CancellationToken cancellationToken = default) =>
        (await engine.ListDefinitionsAsync(cancellationToken: cancellationToken))
            .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.Name ?? g.Key, StringComparer.Ordinal);

    /// <summary>The name of an outcome of a task as its version of the definition declares it (退回 for a return).</summary>
    public async Task<string?> OutcomeNameAsync(Guid definitionId, string elementId, string? outcome, CancellationToken cancellationToken = default)
    {
        if (outcome is null)
        {
            return null;
        }

        if (outcome == "returned")
        {
            return "退回";
        }

        var process = await engine.GetProcessAsync(definitionId, cancellationToken);
        return process.NodesById.GetValueOrDefault(elementId)?.Form?.Outcome?.ValueName(outcome) ?? outcome;
    }

    /// <summary>Outcome names of many tasks at once (inbox, timelines), keyed by task id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OutcomeNamesAsync(IEnumerable<HumanTask> tasks, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, string>();
        var definitions = new Dictionary<Guid, Guid>();
        foreach (var task in tasks.Where(t => t.Outcome is not null))
        {
            if (!definitions.TryGetValue(task.InstanceId, out var definitionId))
            {
                definitionId = (await engine.GetInstanceAsync(task.InstanceId, cancellationToken))?.DefinitionId ?? Guid.Empty;
                definitions[task.InstanceId] = definitionId;
            }

            result[task.Id] = definitionId == Guid.Empty ? task.Outcome! : await OutcomeNameAsync(definitionId, task.ElementId, task.Outcome, cancellationToken) ?? task.Outcome!;
        }

        return result;
    }

    /// <summary>Is this outcome one of the "no" answers of its form (not the first, approving value)? Pages colour refusals by it.</summary>
    public static bool IsNegative(FormField? outcome, string? value) =>
        value == "returned" || (outcome is not null && value is not null && outcome.Values.Count > 1 && outcome.Values[0].Id != value);
}
