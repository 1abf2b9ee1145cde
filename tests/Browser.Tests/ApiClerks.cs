using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Decoupling.TestSupport;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The demo people working cases through the REST API of a running host, so a browser test finds pages with real
/// content without clicking through every step: each polls their inbox and answers by the procedure's happy path
/// (after doing what the task needs first: fill, seal, upload), unless the test gives its own answer.
/// </summary>
public sealed class ApiClerks(string baseUrl) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>The people whose inboxes the driver works: every demo account that holds tasks of the procedure.</summary>
    public static readonly string[] Workers =
        ["assoc.ceramics", "jxj", "leading", "leading.mz", "bb", "czj", "jgswj", "zzb", "rsj", "wsb", "swj", "registrar", "auditor", "evaluator"];

    public async Task<HttpClient> AsAsync(string user)
    {
        if (!clients.TryGetValue(user, out var client))
        {
            client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = BrowserSession.DemoPassword, code = DemoAdmins.CodeFor(user) });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            clients[user] = client;
        }

        return client;
    }

    /// <summary>The id of the register entry whose name contains <paramref name="name"/>, as the office finds it.</summary>
    public async Task<Guid> AssociationAsync(string name)
    {
        var found = await (await AsAsync("leading")).GetFromJsonAsync<JsonObject>("/api/register?search=" + Uri.EscapeDataString(name));
        return found!["items"]!.AsArray().First()!["id"]!.GetValue<Guid>();
    }

    /// <summary>Starts a case as <paramref name="user"/>; the id of its root instance.</summary>
    public async Task<Guid> StartAsync(string user, string key, string? businessKey = null, JsonObject? variables = null)
    {
        var started = await (await AsAsync(user)).PostAsJsonAsync("/api/instances", new { key, businessKey, variables = variables ?? [] });
        if (started.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{user} could not start {key}: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        }

        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public async Task<string> StateAsync(Guid instanceId) =>
        (await (await AsAsync("leading")).GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["state"]!.GetValue<string>();

    /// <summary>
    /// Works the inboxes until <paramref name="done"/> holds (checked between rounds; async steps run on Hangfire
    /// meanwhile). <paramref name="answerOf"/> gives a task's answer (user, element id) or null to leave it open; by default
    /// the happy path. Fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task WorkUntilAsync(Func<Task<bool>> done, Func<string, string, TaskAnswer?>? answerOf = null, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the cases did not reach the state the test needs");
            }

            var any = false;
            foreach (var user in Workers)
            {
                var client = await AsAsync(user);
                var inbox = await client.GetFromJsonAsync<JsonObject>("/api/tasks");
                foreach (var task in inbox!["items"]!.AsArray())
                {
                    var element = task!["elementId"]!.GetValue<string>();
                    var answer = answerOf is null ? ProcedureScript.HappyPath(element) : answerOf(user, element);
                    if (answer is null)
                    {
                        continue;
                    }

                    var businessKey = task["businessKey"]?.GetValue<string>();
                    var association = Guid.TryParse(businessKey, out var id) ? id : Guid.Empty;
                    await ProcedureScript.PrepareAsync(element, association, request => request(client));
                    var response = await client.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = answer.Outcome, comment = answer.Comment, variables = answer.Variables });
                    if (response.StatusCode != HttpStatusCode.NoContent)
                    {
                        throw new InvalidOperationException($"{user} could not complete {element}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    any = true;
                }
            }

            if (!any)
            {
                await Task.Delay(500);
            }
        }
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
