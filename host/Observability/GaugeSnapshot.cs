namespace Decoupling.Host.Observability;

/// <summary>One reading of the database-wide gauges.</summary>
public sealed record GaugeSnapshot(long OpenTasks, long OverdueTasks, long OpenIncidents, double JobLagSeconds, long OutboxPending, DateTimeOffset At)
{
    public static readonly GaugeSnapshot Empty = new(0, 0, 0, 0, 0, DateTimeOffset.MinValue);
}
