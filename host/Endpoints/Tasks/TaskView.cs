using Decoupling.Engine.Entities;

namespace Decoupling.Host.Endpoints.Tasks;

/// <summary>A task as the API shows it (no internal step counters); <see cref="CaseName"/> is what the business key names.</summary>
public sealed record TaskView(
    Guid Id, Guid InstanceId, Guid RootInstanceId, string ElementId, string? Name, string DefinitionKey, string? BusinessKey,
    string? Assignee, string? Owner, string[] CandidateGroups, DateTimeOffset? DueAt, int Priority, string? FormKey, string State,
    string Delegation, Guid? ParentTaskId, string? Outcome, string? Comment, string? CompletedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, int UrgeCount, bool Overdue, string? CaseName = null)
{
    public static TaskView Of(HumanTask t, DateTimeOffset now, string? caseName = null) => new(
        t.Id, t.InstanceId, t.RootInstanceId, t.ElementId, t.Name, t.DefinitionKey, t.BusinessKey, t.Assignee, t.Owner,
        t.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries), t.DueAt, t.Priority, t.FormKey, t.State.ToString(),
        t.Delegation.ToString(), t.ParentTaskId, t.Outcome, t.Comment, t.CompletedBy, t.CreatedAt, t.CompletedAt, t.UrgeCount,
        t.State == HumanTaskState.Open && t.DueAt < now, caseName);
}
