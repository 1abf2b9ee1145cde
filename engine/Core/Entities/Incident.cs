namespace Decoupling.Engine.Entities;

/// <summary>Something the engine could not do by itself (expression error, handler failing after its retries, unhandled BPMN error).</summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public Guid? JobId { get; set; }
    public string ElementId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
