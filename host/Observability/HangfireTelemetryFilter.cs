using System.Diagnostics;
using Hangfire.Server;

namespace Decoupling.Host.Observability;

/// <summary>One span per Hangfire job (so an engine step run by a job shows under it) and its duration and outcome.</summary>
public sealed class HangfireTelemetryFilter : IServerFilter
{
    private const string ActivityKey = "telemetry.activity";
    private const string StartKey = "telemetry.start";

    public void OnPerforming(PerformingContext context)
    {
        var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var activity = PlatformTelemetry.Source.StartActivity("hangfire " + name, ActivityKind.Consumer);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
        context.Items[StartKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var outcome = context.Exception is null ? "succeeded" : "failed";
        var tags = new TagList { { "job", name }, { "outcome", outcome } };
        PlatformTelemetry.HangfireJobs.Add(1, tags);
        if (context.Items.TryGetValue(StartKey, out var start) && start is long started)
        {
            PlatformTelemetry.HangfireJobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }

        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (context.Exception is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, context.Exception.Message);
            }

            activity.Dispose();
        }
    }
}
