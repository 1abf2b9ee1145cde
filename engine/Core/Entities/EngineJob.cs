namespace Decoupling.Engine.Entities;

/// <summary>
/// A pending timer or async job. This table is the source of truth; Hangfire (or the test runner) only executes what is here,
/// so a lost in-memory queue loses nothing.
/// </summary>
public sealed class EngineJob
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public Guid? DefinitionId { get; set; }
    public string ElementId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public int Retries { get; set; } = 3;
    public string? LastError { get; set; }

    /// <summary>For a timer cycle (R3/PT1H): the repetitions still to fire after this one; null means unbounded.</summary>
    public int? RemainingRepeats { get; set; }
    public string? RepeatInterval { get; set; }
    public bool HasIncident { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Optimistic concurrency token of the job row. The EF store increments it on every update of the job, so two workers
    /// firing the same job (a timer cycle moving its DueAt, a retry counting down) cannot both commit; engine code need not touch it.
    /// </summary>
    public int Revision { get; set; }
}
