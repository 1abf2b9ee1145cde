using System.Diagnostics;
using Decoupling.Engine;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Decoupling.Benchmarks;

/// <summary>
/// Inbox latency with a district's worth of open tasks: the rows (tasks and their candidate rows) are bulk-copied
/// (starting a million instances would measure the engine, not the inbox), spread over departments, associations and
/// assignees like real review work, then a reviewer's inbox and count are read repeatedly and the percentiles printed.
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
            var random = new Random(2018);
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            var rows = new List<(Guid Id, string Group, string? Assignee, DateTime CreatedAt)>(openTasks);
            for (var i = 0; i < openTasks; i++)
            {
                // one candidate group per task, as in the shipped flows: a department's review, an association's own
                // task, or the leading group's; three in ten are already claimed by one of the department's reviewers
                var department = Departments[random.Next(Departments.Length)];
                var roll = random.NextDouble();
                var group = roll < 0.85 ? $"dept:{department}" : roll < 0.95 ? $"assoc:{random.Next(3000)}" : "role:LeadingGroup";
                var assignee = random.NextDouble() < 0.3 ? (group.StartsWith("dept:", StringComparison.Ordinal) ? $"{department}-user{random.Next(5)}" : $"user{random.Next(500)}") : null;
                rows.Add((Guid.NewGuid(), group, assignee, start.AddSeconds(i * 2).UtcDateTime));
            }

            await using (var writer = await db.BeginBinaryImportAsync(
                """COPY wf_tasks ("Id", "InstanceId", "RootInstanceId", "ElementId", "Name", "DefinitionKey", "BusinessKey", "Assignee", "CandidateUsers", "CandidateGroups", "Priority", "State", "Delegation", "SignerPosition", "CreatedAt", "CreatedInStep", "Touched", "UrgeCount", "LoopIndex", "DueAt") FROM STDIN (FORMAT BINARY)"""))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var (id, group, assignee, createdAt) = rows[i];
                    var instance = Guid.NewGuid();
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id);
                    await writer.WriteAsync(instance);
                    await writer.WriteAsync(instance);
                    await writer.WriteAsync("review");
                    await writer.WriteAsync("部门审核");
                    await writer.WriteAsync("item-review");
                    await writer.WriteAsync($"assoc-{i % 3000}");
                    await writer.WriteAsync(assignee is null ? (object)DBNull.Value : assignee);
                    await writer.WriteAsync("");
                    await writer.WriteAsync($",{group},");
                    await writer.WriteAsync(50);
                    await writer.WriteAsync("Open");
                    await writer.WriteAsync("None");
                    await writer.WriteAsync("None");
                    await writer.WriteAsync(createdAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(1L);
                    await writer.WriteAsync(false);
                    await writer.WriteAsync(0);
                    await writer.WriteAsync(0);
                    await writer.WriteAsync(createdAt.AddDays(5 + (i % 20)), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            // the rows the engine's session would have written with each task (CandidateSync)
            await using (var writer = await db.BeginBinaryImportAsync(
                """COPY wf_task_candidates ("TaskId", "Candidate", "Visible", "Urgency", "CreatedAt", "Shared") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var (id, group, assignee, createdAt) in rows)
                {
                    await WriteCandidateAsync(writer, id, "g:" + group, assignee is null, createdAt);
                    if (assignee is not null)
                    {
                        await WriteCandidateAsync(writer, id, "a:" + assignee, true, createdAt);
                    }
                }

                await writer.CompleteAsync();
            }

            // the counters the steps would have kept (the same statement as the migration that introduced them)
            await using (var counts = new NpgsqlCommand(
                """INSERT INTO wf_inbox_counts ("Candidate", "Slot", "Count") SELECT "Candidate", 0, count(*) FROM wf_task_candidates WHERE "Visible" AND NOT "Shared" GROUP BY "Candidate" """, db))
            {
                await counts.ExecuteNonQueryAsync();
            }

            // what autovacuum does to a table this size soon after: statistics and the visibility map index-only scans need
            foreach (var table in new[] { "wf_tasks", "wf_task_candidates", "wf_inbox_counts" })
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", db);
                await vacuum.ExecuteNonQueryAsync();
            }
        }

        Console.WriteLine($"loaded {openTasks:N0} open tasks (and their candidate rows) in {load.Elapsed.TotalSeconds:F1} s");
        var engine = new WorkflowEngine(store, new HandlerDispatcher([]));
        var reviewer = Actor.User("czj-user1", "dept:czj", "role:Reviewer");
        var leading = Actor.User("leading", "role:LeadingGroup");
        Console.WriteLine($"a department reviewer sees {await engine.Tasks.InboxCountAsync(reviewer):N0} tasks, the leading group {await engine.Tasks.InboxCountAsync(leading):N0}");

        // the same page as plain prepared SQL on one open connection, read without the engine: what is left is the
        // database's and the machine's share
        await using var raw = new NpgsqlConnection(connection);
        await raw.OpenAsync();
        var (sql, arguments) = InboxQueries.PageSql(reviewer, 0, 50, positional: true);
        await using var plain = new NpgsqlCommand(sql, raw);
        foreach (var argument in arguments)
        {
            plain.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        await plain.PrepareAsync();
        async Task<int> PlainPageAsync()
        {
            var rows = 0;
            await using var reader = await plain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    reader.GetValue(c);
                }

                rows++;
            }

            return rows;
        }

        // the page as the store read it before (EF Core's raw-SQL query, AsNoTracking), in a fresh pooled context each time
        async Task<int> EfPageAsync()
        {
            await using var context = store.CreateContext();
            var (efSql, efArguments) = InboxQueries.PageSql(reviewer, 0, 50, positional: false);
            return (await context.Tasks.FromSqlRaw(efSql, [.. efArguments]).AsNoTracking().ToListAsync()).Count;
        }

        // The machine is shared and its load comes and goes: every reading is taken in turns, 1,000 rounds of each after
        // 200 unmeasured (the JIT's tiers settle), so a burst of outside load hits them alike.
        var readings = new (string What, Func<Task> Call, List<double> Timings)[]
        {
            ("inbox page (50 rows), department reviewer", () => engine.Tasks.InboxAsync(reviewer, take: 50), []),
            ("inbox count, department reviewer", () => engine.Tasks.InboxCountAsync(reviewer), []),
            ("inbox page (50 rows), leading group", () => engine.Tasks.InboxAsync(leading, take: 50), []),
            ("inbox count, leading group", () => engine.Tasks.InboxCountAsync(leading), []),
            ("inbox page (50 rows) from row 1000, department reviewer", () => engine.Tasks.InboxAsync(reviewer, skip: 1000, take: 50), []),
            ("the department reviewer's page as plain prepared SQL on one open connection (no engine)", PlainPageAsync, []),
            ("the department reviewer's page through EF Core's FromSqlRaw (how the store read it before)", EfPageAsync, []),
        };
        var loads = new List<string>();
        for (var round = 0; round < 1200; round++)
        {
            if (round % 300 == 0 && File.Exists("/proc/loadavg"))
            {
                loads.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            }

            foreach (var (_, call, timings) in readings)
            {
                var watch = Stopwatch.StartNew();
                await call();
                if (round >= 200)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        foreach (var (what, _, timings) in readings)
        {
            timings.Sort();
            Report(what, timings);
        }

        Console.WriteLine($"load average during the readings: {string.Join(", ", loads)}");
        Console.WriteLine("goal: page and count p95 < 5 ms with 1,000,000 open tasks");
        await ExplainAsync(connection, reviewer);
        await PostgresServer.DropDatabaseAsync(connection);
    }

    /// <summary>Prints the server's plan and timing of the reviewer's first page (what the database itself spends).</summary>
    private static async Task ExplainAsync(string connection, Actor actor)
    {
        var (sql, arguments) = InboxQueries.PageSql(actor, 0, 50, positional: true);

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, db);
        foreach (var argument in arguments)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        Console.WriteLine("plan of the department reviewer's first page:");
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
        }
    }

    private static async Task WriteCandidateAsync(NpgsqlBinaryImporter writer, Guid taskId, string candidate, bool visible, DateTime createdAt)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(taskId);
        await writer.WriteAsync(candidate);
        await writer.WriteAsync(visible);
        await writer.WriteAsync(1);
        await writer.WriteAsync(createdAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(false);
    }

    private static void Report(string what, List<double> sorted) =>
        Console.WriteLine($"{what}: p50 {sorted[sorted.Count / 2]:F1} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F1} ms, max {sorted[^1]:F1} ms");
}
