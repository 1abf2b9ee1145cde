using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.EndToEnd;

/// <summary>
/// Drives cases through the API as the people who would do them: each open task is completed by the demo user of the
/// department or role it is offered to, after doing on the page what the task needs (fill the checklist, seal it,
/// upload evidence); the engine's due jobs run in between (what Hangfire does in production). The answer of each task
/// is the happy path unless the test gives its own (a refusal, a return).
/// </summary>
public sealed class ProcedureDriver(PlatformFactory platform, Guid associationId, string associationUser = "assoc.ceramics")
{
    private readonly Dictionary<string, HttpClient> clients = [];

    public List<string> Log { get; } = [];

    private WorkflowEngine Engine => platform.Services.GetRequiredService<WorkflowEngine>();

    public async Task<HttpClient> AsAsync(string user)
    {
        if (!clients.TryGetValue(user, out var client))
        {
            client = await platform.SignedInAsync(user);
            clients[user] = client;
        }

        return client;
    }

    public string UserFor(HumanTask task) => DemoUsers.For(task.Assignee, task.CandidateGroups, associationUser, associationId);

    public async Task RunDueJobsAsync()
    {
        while (await Engine.RunDueJobsAsync() > 0)
        {
        }
    }

    /// <summary>The open tasks of a case tree (or of every case when null), oldest first, after due jobs ran.</summary>
    public async Task<List<HumanTask>> OpenTasksAsync(Guid? rootInstanceId = null)
    {
        await RunDueJobsAsync();
        var tasks = rootInstanceId is { } root ? await Engine.Tasks.OfInstanceAsync(root) : await Engine.Tasks.AllOpenAsync();
        return [.. tasks.Where(t => t.State == HumanTaskState.Open).OrderBy(t => t.CreatedAt)];
    }

    /// <summary>Completes one task as its person, after what the page needs first; throws with the server's answer when refused.</summary>
    public async Task CompleteAsync(HumanTask task, TaskAnswer? answer = null, string? asUser = null)
    {
        var user = asUser ?? UserFor(task);
        var client = await AsAsync(user);
        await ProcedureScript.PrepareAsync(task.ElementId, Guid.TryParse(task.BusinessKey, out var id) ? id : associationId, request => request(client));
        answer ??= ProcedureScript.HappyPath(task.ElementId);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = answer.Outcome, comment = answer.Comment, variables = answer.Variables });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"{user} could not complete {task.ElementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Log.Add($"{task.ElementId}:{user}:{answer.Outcome}");
    }

    /// <summary>
    /// Runs open tasks (of the case tree, or of every case) until none is left or <paramref name="until"/> says to stop,
    /// each answered by <paramref name="answerOf"/> when it gives an answer, else by the happy path.
    /// </summary>
    public async Task RunAsync(Guid? rootInstanceId = null, Func<HumanTask, TaskAnswer?>? answerOf = null, Func<HumanTask, bool>? until = null, int maxTasks = 800)
    {
        for (var done = 0; done < maxTasks;)
        {
            var open = await OpenTasksAsync(rootInstanceId);
            if (open.Count == 0)
            {
                return;
            }

            foreach (var task in open)
            {
                if (until?.Invoke(task) == true)
                {
                    return;
                }

                await CompleteAsync(task, answerOf?.Invoke(task));
                done++;
            }
        }

        throw new InvalidOperationException("the case did not finish within " + maxTasks + " tasks: " + string.Join(", ", Log.TakeLast(20)));
    }

    /// <summary>The one open task at <paramref name="elementId"/> in the case tree (fails when there is not exactly one).</summary>
    public async Task<HumanTask> TaskAtAsync(Guid rootInstanceId, string elementId) =>
        Assert.Single(await OpenTasksAsync(rootInstanceId), t => t.ElementId == elementId);

    public async Task<Guid> StartDecouplingAsync(string unitUser = "jxj")
    {
        var started = await (await AsAsync(unitUser)).PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = associationId.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static byte[] Docx(string text) => ProcedureScript.Docx(text);

    public static string TextOf(Stream docx) => ProcedureScript.TextOf(docx);
}
