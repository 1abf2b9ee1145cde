using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// A task with its contract, as its reader may see it: the form's fields (outcome excluded) with their current values,
/// the outcomes to choose from, the operations this reader may perform now, where it could be returned to, and its
/// signers. The same object feeds the API and the task page.
/// </summary>
public sealed record TaskDetails(
    HumanTask Task,
    string NodeName,
    bool HasForm,
    IReadOnlyList<TaskFieldView> Fields,
    IReadOnlyList<TaskOutcomeView> Outcomes,
    IReadOnlySet<TaskOperation> Operations,
    IReadOnlyList<ReturnTarget> ReturnTargets,
    IReadOnlyList<HumanTask> Signers,
    IReadOnlyDictionary<string, string> NodeProperties);
