using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Decoupling.TestSupport;

/// <summary>
/// The procedure as people do it when everything goes well, for the drivers of the end-to-end, cluster and load tests:
/// the answer each task's form expects (its outcome, its fields, a comment), and what the person does on the page first
/// (fill the checklist, seal it, upload evidence). Refusals are scripted by the tests themselves.
/// </summary>
public static class ProcedureScript
{
    public static TaskAnswer HappyPath(string elementId) => elementId switch
    {
        "selfCheck" => new("submit", []),
        "verify" => new("verify", [], "核实无误"),
        "sealAssociation" or "sealUnit" => new("confirm", []),
        "editPlan" => new("submit", []),
        "officeReview" => new("approve", [], "同意方案"),
        "sReview" or "dReview" => new("approve", [], "同意。具体方案符合本部门职责要求。"),
        "sCorrection" or "dCorrection" => new("resubmit", []),
        "uploadEvidence" => new("submit", []),
        "confirmDone" => new("confirm", [], "已落实"),
        "intake" => new("accept", new JsonObject { ["channel"] = "online", ["inPersonVisit"] = false }),
        "articlesApproval" => new("approve", [], "章程修改符合规定"),
        "changeApproval" => new("approve", new JsonObject { ["approvedChanges"] = "取消业务主管单位" }, "准予变更"),
        "filing" => new("approve", new JsonObject { ["sealFiled"] = true, ["bankAccountFiled"] = true }, "准予备案"),
        "editSummary" => new("submit", []),
        "receiveSummary" => new("receive", []),
        "auditCheck" => new("clean", new JsonObject { ["assetFindings"] = "资产清查结果与账面一致", ["fundFindings"] = "未使用财政资金" }),
        "evaluatorReview" => new("approve", new JsonObject { ["findings"] = "脱钩任务全部完成，五分离事项均有佐证材料，登记换证依法办理。", ["evaluatorName"] = "省脱钩试点领导小组" }),
        "officeHandle" => new("answer", [], "已协调处理"),
        "applicantSupplement" => new("resubmit", []),
        "registrationRefused" => new("reapply", []),
        "sCoordinate" or "dCoordinate" => new("rereview", [], "请结合补充材料重新审核"),
        "liquidation" => new("approve", [], "清算报告审查通过"),
        "collectCertificate" => new("collected", new JsonObject { ["certificateCollected"] = true, ["sealsCollected"] = true }),
        "newApproval" => new("approve", [], "符合登记条件，准予登记"),
        "rectify" => new("submit", new JsonObject { ["rectificationReport"] = "已按审计意见整改到位" }),
        "reviewRectification" => new("closed", []),
        "officeRevise" => new("resubmit", new JsonObject { ["officeNote"] = "已补充相关材料" }),
        "departmentHandle" => new("done", new JsonObject { ["handlingResult"] = "已按批转意见办理完毕" }),
        "leaderInstruct" => new("instructed", new JsonObject { ["instruction"] = "请办公室牵头落实" }),
        "assess" => new("register", [], "符合登记条件，补办登记"),
        _ => throw new ArgumentOutOfRangeException(nameof(elementId), elementId, "no scripted answer for this task"),
    };

    /// <summary>
    /// What the person does on the page before completing: the association fills in every item it holds (self-check),
    /// each party seals the checklist (seal), the association uploads evidence for every item (implementation).
    /// </summary>
    public static async Task PrepareAsync(string elementId, Guid associationId, Func<Func<HttpClient, Task<HttpResponseMessage>>, Task<HttpResponseMessage>> send)
    {
        switch (elementId)
        {
            case "selfCheck" or "sCorrection" or "dCorrection":
                await FillChecklistAsync(associationId, send);
                break;
            case "sealAssociation" or "sealUnit":
                (await send(c => c.PostAsync($"/api/associations/{associationId}/checklist/seal", null))).EnsureSuccessStatusCode();
                break;
            case "uploadEvidence":
                await UploadEvidenceAsync(associationId, send);
                break;
        }
    }

    public static async Task FillChecklistAsync(Guid associationId, Func<Func<HttpClient, Task<HttpResponseMessage>>, Task<HttpResponseMessage>> send)
    {
        var checklist = await (await send(c => c.GetAsync($"/api/associations/{associationId}/checklist/"))).Content.ReadFromJsonAsync<JsonObject>();
        foreach (var item in checklist!["items"]!.AsArray().OfType<JsonObject>().Where(i => i["status"]!.GetValue<string>() is "Draft" or "Returned"))
        {
            var edit = new
            {
                situationBefore = $"{item["title"]}：脱钩前由业务主管单位负责",
                separationMeasure = item["separationMeasure"]?.GetValue<string>() is { Length: > 0 } measure ? measure : $"按方案落实“{item["title"]}”",
                deadline = "2026-12-31",
                responsibleUnit = "协会秘书处",
                responsiblePerson = "王秘书长",
            };
            (await send(c => c.PutAsJsonAsync($"/api/associations/{associationId}/checklist/items/{item["id"]}", edit))).EnsureSuccessStatusCode();
        }
    }

    public static async Task UploadEvidenceAsync(Guid associationId, Func<Func<HttpClient, Task<HttpResponseMessage>>, Task<HttpResponseMessage>> send)
    {
        var checklist = await (await send(c => c.GetAsync($"/api/associations/{associationId}/checklist/"))).Content.ReadFromJsonAsync<JsonObject>();
        foreach (var item in checklist!["items"]!.AsArray().OfType<JsonObject>())
        {
            if (item["evidenceDocumentIds"]!.AsArray().Count > 0 || item["notApplicable"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var uploaded = await send(c =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Docx($"{item["title"]} 完成情况说明"));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "file", $"佐证-{item["number"]}.docx");
                return c.PostAsync($"/api/documents?associationId={associationId}", form);
            });
            uploaded.EnsureSuccessStatusCode();
            var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            (await send(c => c.PostAsync($"/api/associations/{associationId}/checklist/items/{item["id"]}/evidence/{documentId}", null))).EnsureSuccessStatusCode();
        }
    }

    public static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    /// <summary>The text of a .docx, paragraph by paragraph, table cells included.</summary>
    public static string TextOf(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
    }
}
