using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Task completions per second through the REST API with three nodes and with one, on fresh databases of the same
/// server, in one run. The model is one user task for a functional department, so the figure is the API's and engine's
/// cost per completion (sign-in cookie, visibility check, form check, step transaction), not the procedure's job latency.
/// Each case is about its own association of an imported register (the platform keeps one open case per association).
/// Prints figures; asserts nothing.
/// </summary>
public static class ClusterThroughput
{
    private static readonly string Model = ReviewModel.Sequential("cluster-throughput", "集群吞吐量", "role:LeadingGroup", ("review", "职能部门审核", "dept:czj"));

    public static async Task RunAsync(int tasks, int clients)
    {
        Console.WriteLine($"{tasks} tasks, {clients} concurrent clients, requests round-robin over the nodes");
        var three = await MeasureAsync(3, tasks, clients);
        var one = await MeasureAsync(1, tasks, clients);
        Console.WriteLine($"ratio 3 nodes / 1 node: completions {three / one:F2}x");
    }

    private static async Task<double> MeasureAsync(int nodes, int tasks, int clients)
    {
        await using var cluster = await ClusterHarness.StartAsync(nodes, $"cluster_throughput_{nodes}");
        var admin = await cluster.Clients.AsAsync("leading", 0);
        var deployed = await admin.PostAsync("/api/definitions?name=cluster-throughput.bpmn", new StringContent(Model, System.Text.Encoding.UTF8, "application/xml"));
        if (!deployed.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deploy: {(int)deployed.StatusCode} {await deployed.Content.ReadAsStringAsync()}");
        }

        var associations = await RegisterFile.ImportAsync(cluster, tasks, "临沂市罗庄区吞吐", withStaff: false);
        var startWatch = Stopwatch.StartNew();
        await ForAllAsync(associations, clients, async association =>
        {
            var client = await cluster.Clients.AsAsync("leading", cluster.Clients.NextNode());
            var response = await client.PostAsJsonAsync("/api/instances", new { key = "cluster-throughput", businessKey = association.Id.ToString(), variables = new JsonObject() });
            Expect(response, HttpStatusCode.Created, "start");
        });
        var starts = tasks / startWatch.Elapsed.TotalSeconds;

        List<Guid> open;
        await using (var db = cluster.EngineDb())
        {
            open = await db.Tasks.AsNoTracking().Where(t => t.DefinitionKey == "cluster-throughput" && t.State == HumanTaskState.Open).Select(t => t.Id).ToListAsync();
        }

        // sign every client in on every node before the clock starts
        for (var node = 0; node < nodes; node++)
        {
            await cluster.Clients.AsAsync("czj", node);
        }

        var watch = Stopwatch.StartNew();
        await ForAllAsync(open, clients, async id =>
        {
            var client = await cluster.Clients.AsAsync("czj", cluster.Clients.NextNode());
            var response = await client.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "approve", comment = "同意" });
            Expect(response, HttpStatusCode.NoContent, "complete");
        });
        var completions = open.Count / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{nodes} node(s): {completions:F0} task completions/s ({open.Count} in {watch.Elapsed.TotalSeconds:F1} s); starts {starts:F0}/s");
        return completions;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
        }
    }

    private static async Task ForAllAsync<T>(IReadOnlyList<T> items, int workers, Func<T, Task> action)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                await action(items[i]);
            }
        }));
    }
}
