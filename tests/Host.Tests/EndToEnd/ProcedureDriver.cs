using Decoupling.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.Host.Tests.EndToEnd;

/// <summary>
/// Drives a case through the API as the people who would do it: each open task of the case tree is completed by the
/// demo user of the department or role it is offered to, the engine's due jobs are run in between (what Hangfire does
/// in production), and the association uploads evidence before it reports completion.
/// </summary>
public sealed class ProcedureDriver(PlatformFactory platform, Guid associationId)
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

    /// <summary>Runs the case until nothing is open or <paramref name="stop"/> says so; returns the element ids completed.</summary>
    public async Task RunAsync(Guid rootInstanceId, Func<HumanTask, string?>? outcomeOf = null, int maxTasks = 600)
    {
        for (var done = 0; done < maxTasks;)
        {
            while (await Engine.RunDueJobsAsync() > 0)
            {
            }

            var open = (await Engine.Tasks.OfInstanceAsync(rootInstanceId)).Where(t => t.State == HumanTaskState.Open).OrderBy(t => t.CreatedAt).ToList();
            if (open.Count == 0)
            {
                return;
            }

            foreach (var task in open)
            {
                var user = UserFor(task);
                var client = await AsAsync(user);
                if (task.ElementId == "uploadEvidence")
                {
                    await UploadEvidenceAsync(client);
                }

                var outcome = outcomeOf?.Invoke(task) ?? "approve";
                var response = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome, comment = "同意", variables = new JsonObject { ["opinion"] = $"{user}意见" } });
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    throw new InvalidOperationException($"{user} could not complete {task.ElementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                Log.Add($"{task.ElementId}:{user}");
                done++;
            }
        }

        throw new InvalidOperationException("the case did not finish within " + maxTasks + " tasks: " + string.Join(", ", Log.TakeLast(20)));
    }

    private static string UserFor(HumanTask task) => DemoUsers.For(task.Assignee, task.CandidateGroups, "assoc.ceramics");

    /// <summary>The association uploads a small .docx as evidence for every item that has none and attaches it.</summary>
    private async Task UploadEvidenceAsync(HttpClient association)
    {
        var checklist = await association.GetFromJsonAsync<JsonObject>($"/api/associations/{associationId}/checklist/");
        foreach (var item in checklist!["items"]!.AsArray())
        {
            if (item!["evidenceDocumentIds"]!.AsArray().Count > 0)
            {
                continue;
            }

            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Docx($"{item["title"]} 完成情况说明"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", $"佐证-{item["number"]}.docx");
            var uploaded = await association.PostAsync($"/api/documents?associationId={associationId}", form);
            uploaded.EnsureSuccessStatusCode();
            var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            (await association.PostAsync($"/api/associations/{associationId}/checklist/items/{item["id"]}/evidence/{documentId}", null)).EnsureSuccessStatusCode();
        }
    }

    public static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    public static string TextOf(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text));
    }
}
