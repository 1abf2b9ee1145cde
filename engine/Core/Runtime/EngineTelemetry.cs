using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// The engine's traces and metrics through System.Diagnostics (no telemetry package in the engine): one span per step,
/// a counter of steps by outcome and a histogram of step latency, by process definition. The host exports them.
/// </summary>
public static class EngineTelemetry
{
    public const string Name = "Decoupling.Engine";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("decoupling.engine.steps", "{step}", "Engine steps run, by process definition and outcome");

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("decoupling.engine.step.duration", "s", "Time of one engine step, commit included");

    public static readonly Histogram<double> InboxDuration = Meter.CreateHistogram<double>("decoupling.engine.inbox.duration", "s", "Time to read one page of a person's inbox");

    internal static void Record(Activity? activity, long startTimestamp, string? definitionKey, string outcome)
    {
        var tags = new TagList { { "definition", definitionKey ?? "" }, { "outcome", outcome } };
        Steps.Add(1, tags);
        StepDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (activity is not null)
        {
            activity.SetTag("decoupling.definition", definitionKey);
            activity.SetTag("decoupling.outcome", outcome);
            if (outcome != "committed")
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }
}
