namespace Decoupling.Domain.Supervision;

/// <summary>
/// 督办 (R21): an overdue task the leading-group office follows. The office urges the responsible department; the
/// department keeps its task and its decision. Closed when the task is done.
/// </summary>
public class SupervisionItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TaskId { get; set; }

    public Guid RootInstanceId { get; set; }

    public string? BusinessKey { get; set; }

    public string TaskName { get; set; } = "";

    /// <summary>The department responsible for the task, by name (never a code on a page).</summary>
    public string? Responsible { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int OverdueWorkingDays { get; set; }

    public int UrgeCount { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosingNote { get; set; }
}
