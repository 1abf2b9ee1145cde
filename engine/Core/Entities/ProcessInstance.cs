namespace Decoupling.Engine.Entities;

/// <summary>
/// A running or finished process instance. <see cref="Revision"/> is the optimistic concurrency token:
/// every step increments it, so two steps racing on one instance cannot both commit.
/// </summary>
public sealed class ProcessInstance
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceState State { get; set; }
    public string VariablesJson { get; set; } = "{}";
    public string? StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentExecutionId { get; set; }
    public Guid RootInstanceId { get; set; }
    public string? EndReason { get; set; }
    public long StepCount { get; set; }
    public int Revision { get; set; }
}
