using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Decoupling.Host.Observability;

/// <summary>
/// The platform's own metrics and spans (the engine's are in EngineTelemetry): gauges sampled from the database by
/// <see cref="GaugeSampler"/> (open and overdue tasks, open incidents, engine job lag, undelivered outbox messages)
/// and counters of what this node did (outbox deliveries, Hangfire jobs).
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "Decoupling.Platform";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxDelivered = Meter.CreateCounter<long>("decoupling.outbox.delivered", "{message}", "Outbox messages delivered by this node");

    public static readonly Counter<long> HangfireJobs = Meter.CreateCounter<long>("decoupling.hangfire.jobs", "{job}", "Hangfire jobs performed by this node, by job and outcome");

    public static readonly Histogram<double> HangfireJobDuration = Meter.CreateHistogram<double>("decoupling.hangfire.job.duration", "s", "Time a Hangfire job ran");

    public static GaugeSnapshot Latest { get; set; } = GaugeSnapshot.Empty;

    static PlatformTelemetry()
    {
        Meter.CreateObservableGauge("decoupling.tasks.open", () => Latest.OpenTasks, "{task}", "Open human tasks in the district");
        Meter.CreateObservableGauge("decoupling.tasks.overdue", () => Latest.OverdueTasks, "{task}", "Open human tasks past their due time");
        Meter.CreateObservableGauge("decoupling.incidents.open", () => Latest.OpenIncidents, "{incident}", "Unresolved engine incidents");
        Meter.CreateObservableGauge("decoupling.jobs.lag", () => Latest.JobLagSeconds, "s", "How long the oldest due engine job (timer, async step) has been waiting");
        Meter.CreateObservableGauge("decoupling.outbox.pending", () => Latest.OutboxPending, "{message}", "Outbox messages not yet delivered");
    }
}
