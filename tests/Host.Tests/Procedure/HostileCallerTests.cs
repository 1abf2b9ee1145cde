using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Seals;
using Decoupling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// What a hostile caller found still giving after issue 11's sweep (issue: the procedure attacked through the HTTP API):
/// a forged official document type, a self-made "sealed checklist", the register's decided fields edited around the
/// procedure, and a case started for an association the unit no longer supervises. Each is refused with a stable code
/// and Chinese text naming the field, and writes nothing. On both providers (subclasses below).
/// </summary>
public abstract class HostileCallerTests(PlatformFactory platform)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<int> DocumentCountAsync() => DbAsync(db => db.Documents.CountAsync());

    [Theory]
    [InlineData("assoc.ceramics", "ReviewDocument")]
    [InlineData("assoc.ceramics", "Certificate")]
    [InlineData("assoc.ceramics", "ApprovalDocument")]
    [InlineData("assoc.ceramics", "DecouplingPlan")]
    [InlineData("jxj", "Evaluation")]
    [InlineData("jxj", "RegisterExport")]
    [InlineData("jxj", "PublicationAttachment")]
    [InlineData("leading", "Certificate")]
    public async Task Nobody_uploads_a_file_as_a_document_the_platform_issues(string user, string type)
    {
        var ceramics = await DbAsync(db => db.Associations.Where(a => a.Name.Contains("陶瓷")).Select(a => a.Id).SingleAsync());
        var client = await platform.SignedInAsync(user);
        var before = await DocumentCountAsync();

        var response = await client.PostAsync($"/api/documents?associationId={ceramics}&type={type}", Uploads.File(Pdf, "审核意见书.pdf", "application/pdf"));

        var problem = await Problems.ExpectAsync(response, HttpStatusCode.UnprocessableEntity, "DOCUMENT_TYPE_NOT_UPLOADABLE");
        Assert.Equal("type", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(before, await DocumentCountAsync());
    }

    [Fact]
    public async Task Evidence_and_the_units_plan_are_still_uploaded_by_their_people()
    {
        var ceramics = await DbAsync(db => db.Associations.Where(a => a.Name.Contains("陶瓷")).Select(a => a.Id).SingleAsync());
        var association = await platform.SignedInAsync("assoc.ceramics");
        var unit = await platform.SignedInAsync("jxj");

        Assert.Equal(HttpStatusCode.Created, (await association.PostAsync($"/api/documents?associationId={ceramics}&type=Evidence",
            Uploads.File(Pdf.Concat("evidence"u8.ToArray()).ToArray(), "佐证.pdf", "application/pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await association.PostAsync($"/api/documents?associationId={ceramics}&type=Other",
            Uploads.File(Pdf.Concat("other"u8.ToArray()).ToArray(), "说明.pdf", "application/pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await unit.PostAsync($"/api/documents?associationId={ceramics}&type=DecouplingPlan",
            Uploads.File(ProcedureScript.Docx("脱钩方案"), "脱钩方案.docx"))).StatusCode);
    }

    [Fact]
    public async Task Nobody_puts_a_seal_on_a_decision_issued_in_a_departments_name()
    {
        var ceramics = await DbAsync(db => db.Associations.Where(a => a.Name.Contains("陶瓷")).Select(a => a.Id).SingleAsync());
        var association = await platform.SignedInAsync("assoc.ceramics");
        var uploaded = await association.PostAsync($"/api/documents?associationId={ceramics}&type=Evidence",
            Uploads.File(Pdf.Concat("review"u8.ToArray()).ToArray(), "区财政局审核意见书.pdf", "application/pdf"));
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // the flows file a department's review document among the association's documents; stand one in by its type
        await DbAsync(async db =>
        {
            var record = await db.Documents.SingleAsync(d => d.Id == id);
            record.Type = Decoupling.Domain.Documents.DocumentType.ReviewDocument;
            return await db.SaveChangesAsync();
        });
        var sealsBefore = await DbAsync(db => db.SealConfirmations.CountAsync());

        var problem = await Problems.ExpectAsync(await association.PostAsync($"/api/documents/{id}/seal", null), HttpStatusCode.UnprocessableEntity, "DOCUMENT_NOT_SEALABLE");

        Assert.Contains("审核文件", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(sealsBefore, await DbAsync(db => db.SealConfirmations.CountAsync()));
        var evidence = await association.PostAsync($"/api/documents?associationId={ceramics}&type=Evidence",
            Uploads.File(Pdf.Concat("own"u8.ToArray()).ToArray(), "会员大会决议.pdf", "application/pdf"));
        var evidenceId = (await evidence.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await association.PostAsync($"/api/documents/{evidenceId}/seal", null)).StatusCode);
    }

    [Theory]
    [InlineData("脱钩事项清单-陶瓷协会-20261201000000.pdf")]
    [InlineData("../脱钩事项清单-伪造.pdf")]
    public async Task A_file_posing_as_the_sealed_checklist_export_is_refused_so_a_seal_on_it_never_counts(string fileName)
    {
        var (associationId, staff, _) = await new ScenarioPlatform(platform).FreshAssociationAsync("zjj");
        var association = await platform.SignedInAsync(staff);
        var before = await DocumentCountAsync();

        var upload = await association.PostAsync($"/api/documents?associationId={associationId}", Uploads.File(Pdf, fileName, "application/pdf"));

        var problem = await Problems.ExpectAsync(upload, HttpStatusCode.UnprocessableEntity, "DOCUMENT_NAME_RESERVED");
        Assert.Equal("file", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Contains(ChecklistSeals.FilePrefix, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DocumentCountAsync());

        // the association's confirmation still needs the checklist itself sealed
        await using var scope = platform.Services.CreateAsyncScope();
        var problemText = await ChecklistSeals.ProblemAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
            scope.ServiceProvider.GetRequiredService<SealService>(), associationId, null, associationId);
        Assert.NotNull(problemText);
    }

    [Fact]
    public async Task A_revised_plan_cannot_take_the_sealed_checklists_name_either()
    {
        var (associationId, _, _) = await new ScenarioPlatform(platform).FreshAssociationAsync("spj");
        var unit = await platform.SignedInAsync("spj");
        var plan = await unit.PostAsync($"/api/documents?associationId={associationId}&type=DecouplingPlan", Uploads.File(ProcedureScript.Docx("脱钩方案"), "脱钩方案.docx"));
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planId = (await plan.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var before = await DocumentCountAsync();

        var version = await unit.PostAsync($"/api/documents/{planId}/versions", Uploads.File(ProcedureScript.Docx("脱钩方案"), "脱钩事项清单-方案.docx"));

        await Problems.ExpectAsync(version, HttpStatusCode.UnprocessableEntity, "DOCUMENT_NAME_RESERVED");
        Assert.Equal(before, await DocumentCountAsync());
    }

    [Theory]
    [InlineData("status", "Unregistered")]
    [InlineData("outcome", "Decoupled")]
    [InlineData("certificateNumber", "伪造-0001")]
    [InlineData("outcomeReason", "已脱钩")]
    [InlineData("supervisoryUnitId", null)]
    [InlineData("exempt", true)]
    public async Task The_register_edit_never_writes_what_a_procedure_decides(string field, object? value)
    {
        var (associationId, _, _) = await new ScenarioPlatform(platform).FreshAssociationAsync("nyj");
        var office = await platform.SignedInAsync("leading");
        var entry = (await office.GetFromJsonAsync<JsonObject>($"/api/register/{associationId}"))!["association"]!.AsObject();
        var historyBefore = (await new ScenarioPlatform(platform).HistoryAsync(associationId)).Count;
        var fields = (JsonObject)entry.DeepClone();
        fields[field] = value is null ? null : JsonValue.Create(value);

        var response = await office.PutAsJsonAsync($"/api/register/{associationId}?expectedStamp={entry["concurrencyStamp"]}", fields);

        var problem = await Problems.ExpectAsync(response, HttpStatusCode.UnprocessableEntity, "REGISTER_FIELD_DECIDED");
        Assert.Equal(field, problem["errors"]![0]!["field"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        var after = await new ScenarioPlatform(platform).AssociationAsync(associationId);
        Assert.Equal(entry["concurrencyStamp"]!.GetValue<Guid>(), after.ConcurrencyStamp);
        Assert.Equal(historyBefore, (await new ScenarioPlatform(platform).HistoryAsync(associationId)).Count);
    }

    [Fact]
    public async Task The_office_still_corrects_a_descriptive_field_of_the_register()
    {
        var (associationId, _, _) = await new ScenarioPlatform(platform).FreshAssociationAsync("gsj");
        var office = await platform.SignedInAsync("leading");
        var entry = (await office.GetFromJsonAsync<JsonObject>($"/api/register/{associationId}"))!["association"]!.AsObject();
        var fields = (JsonObject)entry.DeepClone();
        fields["address"] = "罗庄区通达路 1 号";

        var response = await office.PutAsJsonAsync($"/api/register/{associationId}?expectedStamp={entry["concurrencyStamp"]}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("罗庄区通达路 1 号", (await new ScenarioPlatform(platform).AssociationAsync(associationId)).Address);
    }

    [Fact]
    public async Task A_unit_starts_no_case_for_an_association_that_left_it_though_it_still_reads_it()
    {
        var (associationId, _, _) = await new ScenarioPlatform(platform).FreshAssociationAsync("jxj");
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            // what the decoupling's register step writes: the unit removed, the outcome recorded
            var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
            var current = await register.GetAsync(associationId);
            await register.UpdateAsync(associationId, AssociationFields.From(current) with { SupervisoryUnitId = null, Outcome = DecouplingOutcome.Decoupled },
                current.ConcurrencyStamp);
        }

        var unit = await platform.SignedInAsync("jxj");
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/api/register/{associationId}")).StatusCode);
        var before = (await platform.Services.GetRequiredService<Decoupling.Engine.WorkflowEngine>().ListInstancesAsync(businessKey: associationId.ToString())).Count;

        var started = await unit.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = associationId.ToString() });

        var problem = await Problems.ExpectAsync(started, HttpStatusCode.NotFound, "CASE_SUBJECT_NOT_FOUND");
        Assert.Equal("businessKey", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(before, (await platform.Services.GetRequiredService<Decoupling.Engine.WorkflowEngine>().ListInstancesAsync(businessKey: associationId.ToString())).Count);
    }

    [Fact]
    public async Task Nobody_starts_a_decoupling_again_for_an_association_already_decoupled_and_its_outcome_stays()
    {
        var (associationId, _, name) = await new ScenarioPlatform(platform).FreshAssociationAsync("swj");
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
            var current = await register.GetAsync(associationId);
            await register.UpdateAsync(associationId, AssociationFields.From(current) with { SupervisoryUnitId = null, Outcome = DecouplingOutcome.Decoupled },
                current.ConcurrencyStamp);
        }

        var engine = platform.Services.GetRequiredService<Decoupling.Engine.WorkflowEngine>();
        var office = await platform.SignedInAsync("leading");

        var started = await office.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = associationId.ToString() });

        var problem = await Problems.ExpectAsync(started, HttpStatusCode.Conflict, "CASE_SUBJECT_CONCLUDED");
        Assert.Equal("businessKey", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Contains(name, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await engine.ListInstancesAsync(businessKey: associationId.ToString()));
        await engine.RunDueJobsAsync();
        Assert.Equal(DecouplingOutcome.Decoupled, (await new ScenarioPlatform(platform).AssociationAsync(associationId)).Outcome);

        // an audit of the separation is still the office's to start for it (audit-check declares no such limit)
        var audit = await office.PostAsJsonAsync("/api/instances", new { key = "audit-check", businessKey = associationId.ToString() });
        Assert.Equal(HttpStatusCode.Created, audit.StatusCode);
    }
}

public sealed class SqliteHostileCallerTests(SqlitePlatform fixture) : HostileCallerTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresHostileCallerTests(PostgresPlatform fixture) : HostileCallerTests(fixture.Factory), IClassFixture<PostgresPlatform>;
