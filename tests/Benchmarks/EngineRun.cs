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
        await WarmAsync(engine, clients, warmup);
        return await MeasureAsync(engine, clients, duration);
    }

    /// <summary>Runs on every client long enough for the JIT to have compiled the hot paths at full optimisation.</summary>
    public static async Task WarmAsync(WorkflowEngine engine, int clients, int warmup)
    {
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var i = 0; i < warmup || warm.Elapsed < TimeSpan.FromSeconds(5); i++)
            {
                await OneAsync(engine, -1 - c * 1_000_000 - i);
            }
        }));
    }

    public static async Task<double> MeasureAsync(WorkflowEngine engine, int clients, TimeSpan duration)
    {
        var completed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var n = 0;
            while (stopwatch.Elapsed < duration)
            {
                await OneAsync(engine, c * 1_000_000 + Interlocked.Increment(ref Runs) * 10_000 + n++);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / stopwatch.Elapsed.TotalSeconds;
    }

    private static int Runs;

    private static async Task OneAsync(WorkflowEngine engine, int n)
    {
        var instance = await engine.StartAsync("bench", "b" + n, null, Reviewer);
        var task = TaskCatcher.Take(instance.Id);
        await engine.Tasks.CompleteAsync(task, Reviewer, "approve", null, null);
    }
}
