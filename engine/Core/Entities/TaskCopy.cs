namespace Decoupling.Engine.Entities;

/// <summary>抄送: a read-only notice of a task or node to a person, listed under 抄送我的.</summary>
public sealed class TaskCopy
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public string ElementId { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string Recipient { get; set; } = "";
    public string? FromUser { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
