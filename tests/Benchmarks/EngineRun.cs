using System.Diagnostics;
using Decoupling.Engine;
using Decoupling.Engine.Services;

namespace Decoupling.Benchmarks;

/// <summary>Runs whole instances (start, then complete the user task) and measures instances per second.</summary>
internal static class EngineRun
{
    private static readonly Actor Reviewer = Actor.User("reviewer");

    public static async Task<double> InstancesPerSecondAsync(WorkflowEngine engine, int clients, TimeSpan duration, int warmup)
    {
        await engine.DeployAsync(BenchModel.Xml, "bench.bpmn", "bench");
        for (var i = 0; i < warmup; i++)
        {
            await OneAsync(engine, i);
        }

        var completed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var n = 0;
            while (stopwatch.Elapsed < duration)
            {
                await OneAsync(engine, c * 1_000_000 + n++);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task OneAsync(WorkflowEngine engine, int n)
    {
        var instance = await engine.StartAsync("bench", "b" + n, null, Reviewer);
        var task = TaskCatcher.Take(instance.Id);
        await engine.Tasks.CompleteAsync(task, Reviewer, "approve", null, null);
    }
}
