using Decoupling.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Cluster.Tests;

/// <summary>
/// Drives associations through the whole procedure against a cluster, through the API only: each open task of a case is
/// completed by the demo user of the department or role it is offered to, every request on the next node round-robin,
/// the tasks of one case in parallel (sibling reviews race on their instance, as in real use). Jobs and service tasks are
/// left to the nodes' Hangfire; open tasks are read from the database, as the inbox would show them. An association's own
/// tasks are done by the system administrator, the engine's administrator (the demo data has staff for one association only).
/// A request that dies with its node is sent again to another node; a task the retried request finds already done was
/// done by the request that died.
/// </summary>
public sealed class ClusterProcedureDriver(ClusterHarness cluster)
{
    private long completions;
    private long retriedRequests;
    private long refusedButDone;

    public long Completions => Interlocked.Read(ref completions);

    public long RetriedRequests => Interlocked.Read(ref retriedRequests);

    /// <summary>Completions the API refused although the task was done: only a request cut off by a crash may explain one.</summary>
    public long RefusedButDone => Interlocked.Read(ref refusedButDone);

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
        var response = await SendAsync(association.SupervisoryUnitCode, client => client.PostAsJsonAsync("/api/instances", new
        {
            key = "decoupling",
            businessKey = association.Id.ToString(),
            variables = new JsonObject
            {
                ["associationId"] = association.Id.ToString(),
                ["associationName"] = association.Name,
                ["supervisoryUnitCode"] = association.SupervisoryUnitCode,
            },
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
        var evidenceUploaded = false;
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

            if (!evidenceUploaded && open.Any(t => t.ElementId == "uploadEvidence"))
            {
                await UploadEvidenceAsync(association);
                evidenceUploaded = true;
            }

            await Task.WhenAll(open.Select(task => CompleteAsync(task, cancellationToken)));
        }
    }

    private async Task CompleteAsync(HumanTask task, CancellationToken cancellationToken)
    {
        var user = UserFor(task);
        var response = await SendAsync(user, client => client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "approve", comment = "同意", variables = new JsonObject { ["opinion"] = $"{user}意见" } }, cancellationToken));
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

    private static string UserFor(HumanTask task) => DemoUsers.For(task.Assignee, task.CandidateGroups, "sysadmin");

    /// <summary>A small .docx as evidence for every checklist item that has none, uploaded and attached through the API.</summary>
    private async Task UploadEvidenceAsync(ClusterAssociation association)
    {
        var checklist = await (await SendAsync("leading", c => c.GetAsync($"/api/associations/{association.Id}/checklist/"))).Content.ReadFromJsonAsync<JsonObject>();
        foreach (var item in checklist!["items"]!.AsArray())
        {
            if (item!["evidenceDocumentIds"]!.AsArray().Count > 0)
            {
                continue;
            }

            var bytes = Docx($"{item["title"]} 完成情况说明");
            var uploaded = await SendAsync("leading", c =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "file", $"佐证-{item["number"]}.docx");
                return c.PostAsync($"/api/documents?associationId={association.Id}", form);
            });
            await EnsureAsync(uploaded, "evidence upload");
            var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await EnsureAsync(await SendAsync("leading", c => c.PostAsync($"/api/associations/{association.Id}/checklist/items/{item["id"]}/evidence/{documentId}", null)), "evidence attach");
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{cluster.Diagnostics()}");
        }
    }

    private static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }
}
