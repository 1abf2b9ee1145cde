using Decoupling.Engine.Runtime;

namespace Decoupling.Host.Endpoints.Tasks;

/// <summary>
/// <c>GET /api/tasks/{id}</c>: the task (as in the list) plus its contract read from the definition — the form's fields
/// with their current values, the outcomes to choose from (and which need a comment) — and the operations this caller
/// may perform now. The task page renders the same object.
/// </summary>
public sealed record TaskDetailsView(
    TaskView Task,
    string NodeName,
    bool HasForm,
    IReadOnlyList<TaskFieldView> Fields,
    IReadOnlyList<TaskOutcomeView> Outcomes,
    IReadOnlyList<string> Operations,
    IReadOnlyList<ReturnTarget> ReturnTargets)
{
    public static TaskDetailsView Of(TaskDetails details, DateTimeOffset now, string? caseName) => new(
        TaskView.Of(details.Task, now, caseName),
        details.NodeName,
        details.HasForm,
        details.Fields,
        details.Outcomes,
        [.. details.Operations.Order().Select(o => o.ToString())],
        details.ReturnTargets);
}
