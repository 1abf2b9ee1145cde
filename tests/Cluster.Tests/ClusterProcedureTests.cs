using System.Diagnostics;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Issue 7, several nodes: three host processes on one PostgreSQL database, many associations taken through the whole
/// procedure at once by reviewers whose requests land on any node. Nothing may be lost or done twice.
/// </summary>
public sealed class ClusterProcedureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Many_cases_on_three_nodes_complete_every_task_once_and_number_documents_without_gaps()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await ClusterHarness.StartAsync(3, "cluster_procedure");
        var started = watch.Elapsed;
        var associations = await RegisterFile.ImportAsync(cluster, ClusterSettings.Associations, "临沂市罗庄区集群");
        Assert.Equal(ClusterSettings.Associations, associations.Count);

        var driver = new ClusterProcedureDriver(cluster);
        var roots = await driver.RunAllAsync(associations, ClusterSettings.ConcurrentCases, TimeSpan.FromMinutes(30));
        output.WriteLine($"{associations.Count} cases, {driver.Completions} task completions over 3 nodes in {(watch.Elapsed - started).TotalSeconds:F1} s (cluster start {started.TotalSeconds:F1} s); {driver.RetriedRequests} requests sent again, {driver.PreparationsRepeated} page steps repeated after a 409");
        // no node died, so no completion may have been refused for a task that was in fact done (an error after commit)
        Assert.Equal(0, driver.RefusedButDone);

        await using (var db = cluster.EngineDb())
        {
            var states = await db.Instances.AsNoTracking().Where(i => roots.Contains(i.Id)).Select(i => i.State).ToListAsync();
            Assert.Equal(roots.Count, states.Count(s => s == InstanceState.Completed));
            var instanceIds = db.Instances.Where(i => roots.Contains(i.RootInstanceId)).Select(i => i.Id);
            Assert.Empty(await db.Incidents.AsNoTracking().Where(i => instanceIds.Contains(i.InstanceId) && i.ResolvedAt == null).Select(i => i.ElementId + " " + i.Message).ToListAsync());
            // every completion the API acknowledged is in a journal, and nothing else completed a task
            Assert.Equal(driver.Completions, await db.Journal.AsNoTracking().CountAsync(j => roots.Contains(j.RootInstanceId) && j.Kind == "task-completed"));
        }

        var problems = await ClusterInvariants.AllAsync(cluster, roots);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
        await using (var db = cluster.PlatformDb())
        {
            Assert.True(await db.Set<Domain.Numbering.IssuedDocumentNumber>().CountAsync() >= associations.Count, "review documents were numbered for every case");
        }
    }
}
