namespace Decoupling.Engine.Entities;

/// <summary>
/// A human task in the inbox. Kept after completion (已办 lists and return targets read it).
/// Candidate users and groups are stored comma-separated between commas (",a,b,") so a LIKE finds one exactly.
/// </summary>
public sealed class HumanTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid RootInstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public string ElementId { get; set; } = "";
    public string? Name { get; set; }
    public string DefinitionKey { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string? Assignee { get; set; }
    public string? Owner { get; set; }
    public string CandidateUsers { get; set; } = "";
    public string CandidateGroups { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    public int Priority { get; set; } = 50;
    public string? FormKey { get; set; }
    public HumanTaskState State { get; set; }
    public DelegationState Delegation { get; set; }

    /// <summary>Set on a signer's subtask: the task whose signer it is.</summary>
    public Guid? ParentTaskId { get; set; }
    public SignerPosition SignerPosition { get; set; }
    public string? AddedBy { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    public string? CompletedBy { get; set; }
    public string? CompletedOnBehalfOf { get; set; }
    public string? VariablesJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public long CreatedInStep { get; set; }
    public long? CompletedInStep { get; set; }

    /// <summary>Any operation on the task (claim, delegate, transfer, signer) touches it; withdrawing into a touched task is refused.</summary>
    public bool Touched { get; set; }
    public int UrgeCount { get; set; }
    public DateTimeOffset? LastUrgedAt { get; set; }

    /// <summary>Multi-instance index of the task (会签/依次); 0 otherwise.</summary>
    public int LoopIndex { get; set; }
}
