using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Drives associations through the whole procedure against a cluster, through the API only: each open task of a case is
/// completed by the demo user of the department or role it is offered to, every request on the next node round-robin,
/// the tasks of one case in parallel (sibling reviews race on their instance, as in real use). Each person first does
/// what the page needs (fill the checklist, seal it, upload evidence) and answers as the task's form expects
/// (<see cref="ProcedureScript"/>). Jobs and service tasks are left to the nodes' Hangfire; open tasks are read from the
/// database, as the inbox would show them. An association's own tasks are done by its staff account
/// (<see cref="AssociationStaff"/>). A request that dies with its node is sent again to another node; a task the retried
/// request finds already done was done by the request that died.
/// </summary>
public sealed class ClusterProcedureDriver(ClusterHarness cluster)
{
    private long completions;
    private long retriedRequests;
    private long refusedButDone;
    private long preparationsRepeated;

    public long Completions => Interlocked.Read(ref completions);

    public long RetriedRequests => Interlocked.Read(ref retriedRequests);

    /// <summary>Completions the API refused although the task was done: only a request cut off by a crash may explain one.</summary>
    public long RefusedButDone => Interlocked.Read(ref refusedButDone);

    /// <summary>Page steps (a seal, a checklist edit) answered 409 and done again after a refresh, as a person would.</summary>
    public long PreparationsRepeated => Interlocked.Read(ref preparationsRepeated);

    /// <summary>Runs every association's case, at most <paramref name="concurrentCases"/> at a time; returns the root instance ids.</summary>
    public async Task<IReadOnlyList<Guid>> RunAllAsync(IReadOnlyList<ClusterAssociation> associations, int concurrentCases, TimeSpan timeout)
    {
        using var gate = new SemaphoreSlim(concurrentCases);
        using var cancel = new CancellationTokenSource(timeout);
        var runs = associations.Select(async association =>
        {
            await gate.WaitAsync(cancel.Token);
            try
            {
                var id = await StartAsync(association);
                await RunAsync(id, association, cancel.Token);
                return id;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(runs);
    }

    public async Task<Guid> StartAsync(ClusterAssociation association)
    {
        // the unit names the association and fills the start form; the platform reads the case's facts from the register
        var response = await SendAsync(association.SupervisoryUnitCode, client => client.PostAsJsonAsync("/api/instances", new
        {
            key = "decoupling",
            businessKey = association.Id.ToString(),
            variables = new JsonObject { ["startNote"] = "集群测试：按计划启动脱钩" },
        }));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"could not start {association.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>Completes the case's open tasks until its root instance has ended.</summary>
    public async Task RunAsync(Guid rootInstanceId, ClusterAssociation association, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<HumanTask> open;
            InstanceState state;
            await using (var db = cluster.EngineDb())
            {
                state = await db.Instances.AsNoTracking().Where(i => i.Id == rootInstanceId).Select(i => i.State).SingleAsync(cancellationToken);
                open = await db.Tasks.AsNoTracking().Where(t => t.RootInstanceId == rootInstanceId && t.State == HumanTaskState.Open).ToListAsync(cancellationToken);
            }

            if (state != InstanceState.Active)
            {
                return;
            }

            if (open.Count == 0)
            {
                await Task.Delay(100, cancellationToken); // a job or service task of the nodes is due
                continue;
            }

            await Task.WhenAll(open.Select(task => CompleteAsync(task, association, cancellationToken)));
        }
    }

    private async Task CompleteAsync(HumanTask task, ClusterAssociation association, CancellationToken cancellationToken)
    {
        var user = DemoUsers.For(task.Assignee, task.CandidateGroups, association.StaffUser, association.Id);
        await PrepareAsync(task, association, user, cancellationToken);
        var answer = ProcedureScript.HappyPath(task.ElementId);
        var response = await SendAsync(user, client => client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = answer.Outcome, comment = answer.Comment, variables = answer.Variables }, cancellationToken));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            Interlocked.Increment(ref completions);
            return;
        }

        // a refusal is fine only if the task is no longer open: an earlier attempt whose node died after committing did
        // it, or a sibling's step cancelled it
        await using var db = cluster.EngineDb();
        var now = await db.Tasks.AsNoTracking().Where(t => t.Id == task.Id).Select(t => t.State).SingleAsync(cancellationToken);
        if (now == HumanTaskState.Completed)
        {
            Interlocked.Increment(ref refusedButDone);
        }
        else if (now == HumanTaskState.Open)
        {
            throw new InvalidOperationException($"{user} could not complete {task.ElementId} {task.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}\n{cluster.Diagnostics()}");
        }
    }

    /// <summary>Sends on the next node; a connection that fails (the node is down or was killed mid-request) is retried on the next one.</summary>
    private async Task<HttpResponseMessage> SendAsync(string user, Func<HttpClient, Task<HttpResponseMessage>> request)
    {
        // long enough to outlast a restart of every node (the crash tests kill them all)
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var node = cluster.Clients.NextNode();
            try
            {
                if (!cluster.Nodes[node].IsRunning)
                {
                    throw new HttpRequestException("node down");
                }

                var response = await request(await cluster.Clients.AsAsync(user, node));
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable)
                {
                    throw new HttpRequestException("node unavailable");
                }

                return response;
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException) && DateTime.UtcNow < deadline)
            {
                Interlocked.Increment(ref retriedRequests);
                cluster.Clients.Forget(node);
                await Task.Delay(200);
            }
        }
    }

    /// <summary>
    /// What the page needs before the completion. The association and its unit seal the checklist at the same moment
    /// (the two seal tasks are parallel): a step refused with 409 (数据刚被他人修改，请刷新后重试) is done again, as the
    /// person would after refreshing. Each preparation step is safe to repeat (only draft items are filled, only items
    /// without evidence get some, sealing the same content again returns the same seal).
    /// </summary>
    private async Task PrepareAsync(HumanTask task, ClusterAssociation association, string user, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcedureScript.PrepareAsync(task.ElementId, association.Id, request => SendAsync(user, request));
                return;
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt < 5)
            {
                Interlocked.Increment(ref preparationsRepeated);
                await Task.Delay(200 * attempt, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"{user} could not prepare {task.ElementId} of {association.Name}: {e.Message}\n{cluster.Diagnostics()}", e);
            }
        }
    }
}
