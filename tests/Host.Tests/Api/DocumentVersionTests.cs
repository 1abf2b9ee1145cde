using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Persistence;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// A unit revises its plan as a new version of the document (R9, R12): the versions form one line, newest first, even
/// when a revision is uploaded from an older link; another unit, a reviewer outside the case and forged content are
/// refused and write nothing.
/// </summary>
public sealed class DocumentVersionTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly PlatformFactory platform = fixture.Factory;

    private int DocumentCount()
    {
        using var scope = platform.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Documents.Count();
    }

    [Fact]
    public async Task The_unit_uploads_a_revised_plan_as_the_next_version_and_nobody_else_can()
    {
        Guid ceramics;
        using (var scope = platform.Services.CreateScope())
        {
            ceramics = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.Where(a => a.Name.Contains("陶瓷")).Select(a => a.Id).SingleAsync();
        }

        var jxj = await platform.SignedInAsync("jxj");
        var first = await jxj.PostAsync($"/api/documents?associationId={ceramics}&type=DecouplingPlan", Uploads.File(ProcedureScript.Docx("脱钩方案（初稿）"), "脱钩方案.docx"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // refusals first, nothing written by any of them
        var before = DocumentCount();
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.SignedInAsync("swj")).PostAsync($"/api/documents/{firstId}/versions",
            Uploads.File(ProcedureScript.Docx("他单位修改"), "脱钩方案.docx"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.SignedInAsync("czj")).PostAsync($"/api/documents/{firstId}/versions",
            Uploads.File(ProcedureScript.Docx("审核部门修改"), "脱钩方案.docx"))).StatusCode);
        var forged = await jxj.PostAsync($"/api/documents/{firstId}/versions", Uploads.File([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "脱钩方案.docx"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, forged.StatusCode);
        // evidence is never replaced by a new version: another file is uploaded instead
        var evidence = await jxj.PostAsync($"/api/documents?associationId={ceramics}&type=Evidence", Uploads.File(ProcedureScript.Docx("资产清单"), "资产清单.docx"));
        var evidenceId = (await evidence.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        before = DocumentCount();
        var replaced = await jxj.PostAsync($"/api/documents/{evidenceId}/versions", Uploads.File(ProcedureScript.Docx("改过的资产清单"), "资产清单.docx"));
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        Assert.Equal("DOCUMENT_NOT_REVISABLE", (await replaced.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(before, DocumentCount());

        var second = await jxj.PostAsync($"/api/documents/{firstId}/versions", Uploads.File(ProcedureScript.Docx("脱钩方案（修改稿）"), "脱钩方案（修改稿）.docx"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondBody = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, secondBody["version"]!.GetValue<int>());
        Assert.Equal(firstId, secondBody["previousVersionId"]!.GetValue<Guid>());

        // revising from the first link again continues after the newest version instead of forking
        var third = await jxj.PostAsync($"/api/documents/{firstId}/versions", Uploads.File(ProcedureScript.Docx("脱钩方案（定稿）"), "脱钩方案（定稿）.docx"));
        var thirdBody = (await third.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, thirdBody["version"]!.GetValue<int>());
        Assert.Equal(secondBody["id"]!.GetValue<Guid>(), thirdBody["previousVersionId"]!.GetValue<Guid>());

        var versions = (await (await platform.SignedInAsync("leading")).GetFromJsonAsync<JsonArray>($"/api/documents/{firstId}/versions"))!;
        Assert.Equal([3, 2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        var newest = await jxj.GetAsync($"/api/documents/{thirdBody["id"]}");
        Assert.Contains("脱钩方案（定稿）", ProcedureScript.TextOf(await newest.Content.ReadAsStreamAsync()), StringComparison.Ordinal);
    }
}
