using System.Net;
using Decoupling.Domain.Audit;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Issue 7, crashes: a node killed with kill -9 (no shutdown, no flush) while it demonstrably works, then started
/// again. Nothing it committed may be lost or done twice, nothing it had not committed may be half there, and the work
/// it held finishes.
/// </summary>
public sealed class ClusterCrashTests(ITestOutputHelper output)
{
    private const int Cases = 6;

    [Fact]
    public async Task A_node_killed_while_completions_are_in_flight_loses_no_step_and_every_case_finishes()
    {
        await using var cluster = await ClusterHarness.StartAsync(3, "cluster_crash_step");
        var associations = await RegisterFile.ImportAsync(cluster, Cases, "临沂市罗庄区崩溃步骤");
        var driver = new ClusterProcedureDriver(cluster);
        var run = driver.RunAllAsync(associations, Cases, TimeSpan.FromMinutes(20));

        // kill once completions are flowing through every node, so requests are in flight on the victim
        await WaitUntilAsync(cluster, "SELECT count(*) FROM wf_journal WHERE \"Kind\" = 'task-completed'", n => n >= 30, run);
        cluster.Nodes[1].Kill();
        var killedAt = await CountAsync(cluster, "SELECT count(*) FROM wf_journal WHERE \"Kind\" = 'task-completed'");
        await Task.Delay(1000);
        await cluster.CrashAndRestartAsync(1);
        cluster.Clients.Forget(1);

        var roots = await run;
        output.WriteLine($"killed node 1 after {killedAt} completions; {driver.Completions} acknowledged, {driver.RetriedRequests} requests sent again");
        await AssertFinishedAndConsistentAsync(cluster, roots);
    }

    [Fact]
    public async Task Every_node_killed_while_engine_jobs_are_pending_runs_each_job_once_after_restart()
    {
        await using var cluster = await ClusterHarness.StartAsync(3, "cluster_crash_job");
        var associations = await RegisterFile.ImportAsync(cluster, Cases, "临沂市罗庄区崩溃作业");
        var driver = new ClusterProcedureDriver(cluster);
        var run = driver.RunAllAsync(associations, Cases, TimeSpan.FromMinutes(20));

        // the procedure's service tasks and call activities are engine jobs run by Hangfire: kill every node while some are due
        await WaitUntilAsync(cluster, "SELECT count(*) FROM wf_journal WHERE \"Kind\" = 'task-completed'", n => n >= 10, run);
        await WaitUntilAsync(cluster, "SELECT count(*) FROM wf_jobs WHERE \"DueAt\" <= now()", n => n >= 1, run);
        foreach (var node in cluster.Nodes)
        {
            node.Kill();
        }

        var pending = await CountAsync(cluster, "SELECT count(*) FROM wf_jobs");
        await Task.Delay(1000);
        await cluster.Nodes[0].StartAsync(ClusterHarness.StartTimeout);
        await Task.WhenAll(cluster.Nodes.Skip(1).Select(n => n.StartAsync(ClusterHarness.StartTimeout)));
        for (var i = 0; i < cluster.Nodes.Count; i++)
        {
            cluster.Clients.Forget(i);
        }

        var roots = await run;
        output.WriteLine($"killed every node with {pending} engine jobs pending; {driver.Completions} completions acknowledged");
        Assert.True(pending >= 1);
        await AssertFinishedAndConsistentAsync(cluster, roots);
        await using var db = cluster.EngineDb();
        Assert.Equal(0, await db.Jobs.CountAsync(j => roots.Contains(j.InstanceId!.Value)));
    }

    [Fact]
    public async Task A_node_killed_during_a_big_register_import_leaves_none_or_all_rows_and_the_import_can_be_repeated()
    {
        const int rows = 10_000;
        const string prefix = "临沂市罗庄区崩溃导入";
        await using var cluster = await ClusterHarness.StartAsync(3, "cluster_crash_import");
        var file = RegisterFile.Create(rows, 9191, prefix);
        var admin = await cluster.Clients.AsAsync("leading", 2);

        var import = RegisterFile.PostAsync(admin, file);
        // demonstrably started: the node's connection is sending the rows (the import parses the file first, then inserts)
        await WaitUntilAsync(cluster, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO \"Associations\"%'", n => n >= 1, import);
        cluster.Nodes[2].Kill();
        await Assert.ThrowsAnyAsync<Exception>(() => import);

        int held;
        await using (var db = cluster.PlatformDb())
        {
            held = await db.Associations.CountAsync(a => a.Name.StartsWith(prefix));
        }

        output.WriteLine($"register held {held} of the file's {rows} rows after the kill");
        Assert.True(held is 0 or rows, $"the register holds {held} of the file's {rows} rows");

        await cluster.CrashAndRestartAsync(2);
        cluster.Clients.Forget(2);
        var again = await RegisterFile.PostAsync(await cluster.Clients.AsAsync("leading", 2), file);
        // the rows that were not there are imported now; rows that were all there are refused as duplicates, writing nothing
        Assert.Equal(held == 0 ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, again.StatusCode);
        await using (var db = cluster.PlatformDb())
        {
            Assert.Equal(rows, await db.Associations.CountAsync(a => a.Name.StartsWith(prefix)));
            var chain = await new AuditLog(db).VerifyChainAsync();
            Assert.True(chain.IsIntact, chain.Message);
        }
    }

    private static async Task AssertFinishedAndConsistentAsync(ClusterHarness cluster, IReadOnlyList<Guid> roots)
    {
        await using (var db = cluster.EngineDb())
        {
            Assert.Equal(roots.Count, await db.Instances.CountAsync(i => roots.Contains(i.Id) && i.State == InstanceState.Completed));
            // a job cut off by the kill is run again, not turned into an incident that an administrator must retry
            var instanceIds = db.Instances.Where(i => roots.Contains(i.RootInstanceId)).Select(i => i.Id);
            Assert.Empty(await db.Incidents.AsNoTracking().Where(i => instanceIds.Contains(i.InstanceId) && i.ResolvedAt == null).Select(i => i.ElementId + " " + i.Code + " " + i.Message).ToListAsync());
        }

        var problems = await ClusterInvariants.AllAsync(cluster, roots);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
        await using (var db = cluster.PlatformDb())
        {
            var chain = await new AuditLog(db).VerifyChainAsync();
            Assert.True(chain.IsIntact, chain.Message);
        }
    }

    /// <summary>Polls a count until it satisfies <paramref name="ready"/>; fails if the work under test ended first.</summary>
    private static async Task WaitUntilAsync(ClusterHarness cluster, string countSql, Func<long, bool> ready, Task work)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (!ready(await CountAsync(cluster, countSql)))
        {
            if (work.IsCompleted)
            {
                await work; // its failure explains more than a timeout would
                throw new InvalidOperationException($"the work ended before the crash point ({countSql}) was reached");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"crash point not reached in 5 minutes: {countSql}");
            }

            await Task.Delay(10);
        }
    }

    private static async Task<long> CountAsync(ClusterHarness cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
