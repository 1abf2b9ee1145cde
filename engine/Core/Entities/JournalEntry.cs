namespace Decoupling.Engine.Entities;

/// <summary>
/// One line of an instance's journal: an element entered or left, or a human operation with actor and comment.
/// Written in the same transaction as the state change it records.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid RootInstanceId { get; set; }
    public long Step { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string? ElementId { get; set; }
    public string? ElementName { get; set; }
    public Guid? TaskId { get; set; }
    public string? Actor { get; set; }
    public string? Comment { get; set; }
    public string? DataJson { get; set; }
}
