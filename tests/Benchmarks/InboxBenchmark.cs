using System.Diagnostics;
using Decoupling.Engine;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.TestSupport;
using Npgsql;

namespace Decoupling.Benchmarks;

/// <summary>
/// Inbox latency with a district's worth of open tasks: the rows are bulk-copied (starting 100k instances would measure
/// the engine, not the inbox), spread over departments and assignees like real review work, then a reviewer's inbox and
/// count are read repeatedly and the percentiles printed.
/// </summary>
internal static class InboxBenchmark
{
    private static readonly string[] Departments = ["bb", "czj", "jgswj", "zzb", "rsj", "wsb", "jxj", "swj", "zjj", "spj", "nyj", "gsj", "mzj", "fgj"];

    public static async Task RunAsync(int openTasks)
    {
        var connection = await PostgresServer.CreateDatabaseAsync("inbox");
        var store = EfEngineStore.ForPostgres(connection);
        await using (var context = store.CreateContext())
        {
            await EngineDatabase.MigrateAsync(context);
        }

        var load = Stopwatch.StartNew();
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using (var writer = await db.BeginBinaryImportAsync(
                """COPY wf_tasks ("Id", "InstanceId", "RootInstanceId", "ElementId", "Name", "DefinitionKey", "BusinessKey", "Assignee", "CandidateUsers", "CandidateGroups", "Priority", "State", "Delegation", "SignerPosition", "CreatedAt", "CreatedInStep", "Touched", "UrgeCount", "LoopIndex", "DueAt") FROM STDIN (FORMAT BINARY)"""))
            {
            var random = new Random(2018);
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            for (var i = 0; i < openTasks; i++)
            {
                var instance = Guid.NewGuid();
                var department = Departments[random.Next(Departments.Length)];
                var assigned = random.NextDouble() < 0.3;
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid());
                await writer.WriteAsync(instance);
                await writer.WriteAsync(instance);
                await writer.WriteAsync("review");
                await writer.WriteAsync("部门审核");
                await writer.WriteAsync("item-review");
                await writer.WriteAsync($"assoc-{i % 3000}");
                await writer.WriteAsync(assigned ? $"{department}-user{random.Next(5)}" : (object)DBNull.Value);
                await writer.WriteAsync("");
                await writer.WriteAsync($",dept:{department},role:Reviewer,");
                await writer.WriteAsync(50);
                await writer.WriteAsync("Open");
                await writer.WriteAsync("None");
                await writer.WriteAsync("None");
                await writer.WriteAsync(start.AddSeconds(i * 20).UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1L);
                await writer.WriteAsync(false);
                await writer.WriteAsync(0);
                await writer.WriteAsync(0);
                await writer.WriteAsync(start.AddDays(5 + (i % 20)).UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }

                await writer.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE wf_tasks", db);
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"loaded {openTasks:N0} open tasks in {load.Elapsed.TotalSeconds:F1} s");
        var engine = new WorkflowEngine(store, new HandlerDispatcher([]));
        var reviewer = Actor.User("czj-user1", "dept:czj", "role:Reviewer");
        for (var i = 0; i < 20; i++)
        {
            await engine.Tasks.InboxAsync(reviewer, take: 50);
        }

        Report("inbox page (50 rows)", await MeasureAsync(() => engine.Tasks.InboxAsync(reviewer, take: 50)));
        Report("inbox count", await MeasureAsync(() => engine.Tasks.InboxCountAsync(reviewer)));
        await PostgresServer.DropDatabaseAsync(connection);
    }

    private static async Task<List<double>> MeasureAsync<T>(Func<Task<T>> call)
    {
        var timings = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings;
    }

    private static void Report(string what, List<double> sorted) =>
        Console.WriteLine($"{what}: p50 {sorted[sorted.Count / 2]:F1} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F1} ms, max {sorted[^1]:F1} ms");
}
