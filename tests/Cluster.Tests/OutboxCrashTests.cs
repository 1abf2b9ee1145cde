using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Notices go through a transactional outbox: a host killed with kill -9 right after its steps committed (before it
/// delivered anything) delivers every notice of those steps after restart, each once.
/// </summary>
public sealed class OutboxCrashTests
{
    private const int Cases = 5;

    private static readonly string Model = ReviewModel.Sequential("outbox-two-steps", "两部门审核", "role:LeadingGroup",
        ("staffing", "编办审核", "dept:bb"), ("finance", "财政审核", "dept:czj"));

    [Fact]
    public async Task A_host_killed_right_after_steps_commit_delivers_every_notice_of_those_steps_after_restart_once()
    {
        // the node commits steps but delivers nothing: when it dies, the notices exist only in the outbox
        await using var cluster = await ClusterHarness.StartAsync(1, "cluster_outbox_kill", n => n.Settings["Outbox__Dispatch"] = "false");
        var leading = await cluster.Clients.AsAsync("leading", 0);
        (await leading.PostAsync("/api/definitions?name=outbox.bpmn", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        // one case for each of five associations of the seeded register (the platform keeps one open case per association)
        List<Guid> associations;
        await using (var db = cluster.PlatformDb())
        {
            associations = await db.Associations.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Id).Take(Cases).ToListAsync();
        }

        var instances = new List<Guid>();
        foreach (var association in associations)
        {
            var started = await leading.PostAsJsonAsync("/api/instances", new { key = "outbox-two-steps", businessKey = association.ToString() });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            instances.Add((await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        var bb = await cluster.Clients.AsAsync("bb", 0);
        foreach (var task in (await bb.GetFromJsonAsync<JsonObject>("/api/tasks?take=200"))!["items"]!.AsArray().Where(t => instances.Contains(t!["instanceId"]!.GetValue<Guid>())))
        {
            var completed = await bb.PostAsJsonAsync($"/api/tasks/{task!["id"]}/complete", new { outcome = "approve", comment = "同意" });
            Assert.True(completed.StatusCode == HttpStatusCode.NoContent, await completed.Content.ReadAsStringAsync());
        }

        // ten tasks were created (five for 编办, then five for 财政): ten notices queued, none delivered
        var expected = await ExpectedKeysAsync(cluster, instances);
        Assert.Equal(2 * Cases, expected.Count);
        await using (var db = cluster.PlatformDb())
        {
            Assert.Equal(expected.Order(), (await db.OutboxMessages.Where(m => m.DeliveredAt == null).Select(m => m.Key).ToListAsync()).Where(expected.Contains).Order());
            Assert.Equal(0, await db.Notifications.CountAsync(n => expected.Select(k => k.Substring("notice:".Length)).Contains(n.DedupKey)));
        }

        cluster.Nodes[0].Kill();
        cluster.Nodes[0].Settings.Clear();
        await cluster.Nodes[0].StartAsync(ClusterHarness.StartTimeout);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using var check = cluster.PlatformDb();
        while (await check.OutboxMessages.CountAsync(m => m.DeliveredAt == null) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var dedupKeys = expected.Select(k => k.Substring("notice:".Length)).ToList();
        var delivered = await check.Notifications.AsNoTracking().Where(n => dedupKeys.Contains(n.DedupKey)).ToListAsync();
        Assert.True(delivered.Count == 2 * Cases, $"{delivered.Count} notices delivered of {2 * Cases}:\n{cluster.Diagnostics()}");
        Assert.All(delivered.GroupBy(n => n.DedupKey), g => Assert.Single(g));
        Assert.Equal(Cases, delivered.Count(n => n.Title == "新待办：编办审核"));
        Assert.Equal(Cases, delivered.Count(n => n.Title == "新待办：财政审核"));
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.DeliveredAt == null));

        // the notices reach the people: the finance reviewer's list shows all five
        var czj = await cluster.Clients.AsAsync("czj", 0);
        var notices = await czj.GetFromJsonAsync<JsonArray>("/api/notifications");
        Assert.Equal(Cases, notices!.Count(n => n!["title"]!.GetValue<string>() == "新待办：财政审核"));
    }

    /// <summary>The outbox keys the notices of these instances' tasks must have (one per task, to its department).</summary>
    private static async Task<List<string>> ExpectedKeysAsync(ClusterHarness cluster, List<Guid> instances)
    {
        await using var engine = cluster.EngineDb();
        var tasks = await engine.Tasks.AsNoTracking().Where(t => instances.Contains(t.InstanceId)).ToListAsync();
        return tasks.Select(t => $"notice:task:{t.Id:N}::dept:{(t.ElementId == "staffing" ? "bb" : "czj")}").ToList();
    }
}
