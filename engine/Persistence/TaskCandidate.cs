namespace Decoupling.Engine.Persistence;

/// <summary>
/// Who an open task concerns (like Camunda's identity links): its assignee ("a:") and each candidate user ("u:") and
/// group ("g:"). The inbox finds a reviewer's tasks by an index on <see cref="Candidate"/> instead of matching text inside
/// the task's candidate lists. Rows exist while the task is open and are kept in step by <see cref="EfEngineSession"/>
/// as it commits the task; nothing in the engine writes them.
/// </summary>
public sealed class TaskCandidate
{
    public Guid TaskId { get; set; }

    /// <summary>"a:" + assignee, "u:" + candidate user or "g:" + candidate group (dept:czj, role:LeadingGroup...).</summary>
    public string Candidate { get; set; } = "";

    /// <summary>The row puts the task in this candidate's inbox now: the assignee's row while assigned, the candidates' rows while not.</summary>
    public bool Visible { get; set; }

    /// <summary>The inbox's first sort key: 0 for urgent tasks (priority above 50), 1 for the rest.</summary>
    public int Urgency { get; set; }

    /// <summary>The task's creation time, the inbox's second sort key.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The task has more than one candidate: only such rows can meet one reviewer twice, so only they are de-duplicated when counting.</summary>
    public bool Shared { get; set; }
}
