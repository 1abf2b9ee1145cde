using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Host.Tests.Api;

/// <summary>Register, checklists, documents, seals and the audit log through the API, on both providers.</summary>
public abstract class DomainApiTests(PlatformFactory platform)
{
    // a seed of its own per run, so codes never collide with the seeded register or an earlier run on the same server
    private static readonly CreditCodeGenerator Codes = new(Environment.TickCount);

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string name, string? code, string unit = "区经济和信息化局") => new()
    {
        [RegisterColumns.CreditCode] = code,
        [RegisterColumns.Name] = name,
        [RegisterColumns.SupervisoryUnit] = unit,
        [RegisterColumns.Status] = "已在民政部门登记",
    };

    private static byte[] Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    private PlatformDbContext Db() => platform.Services.CreateScope().ServiceProvider.GetRequiredService<PlatformDbContext>();

    [Fact]
    public async Task An_import_with_bad_rows_reports_each_row_and_column_and_writes_nothing()
    {
        var client = await platform.SignedInAsync("leading");
        var before = await Db().Associations.CountAsync();
        var file = Workbook([
            Row("临沂市罗庄区测试甲协会", Codes.Next()),
            Row("临沂市罗庄区测试乙协会", "51371311MJ0000000X"),
            Row("临沂市罗庄区测试丙协会", Codes.Next(), unit: "不存在的局"),
        ]);

        var response = await client.PostAsync("/api/register/import", Uploads.File(file, "register.xlsx"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issues = (await response.Content.ReadFromJsonAsync<JsonObject>())!["issues"]!.AsArray();
        Assert.Contains(issues, i => i!["row"]?.GetValue<int>() == 3 && i["column"]?.GetValue<string>() == RegisterColumns.CreditCode);
        Assert.Contains(issues, i => i!["row"]?.GetValue<int>() == 4 && i["column"]?.GetValue<string>() == RegisterColumns.SupervisoryUnit);
        Assert.Equal(before, await Db().Associations.CountAsync());
    }

    [Fact]
    public async Task A_clean_import_is_checked_by_a_dry_run_then_written()
    {
        var client = await platform.SignedInAsync("leading");
        var before = await Db().Associations.CountAsync();
        var file = Workbook([Row("临沂市罗庄区测试丁协会", Codes.Next())]);

        var dry = await client.PostAsync("/api/register/import?dryRun=true", Uploads.File(file, "register.xlsx"));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(before, await Db().Associations.CountAsync());

        var real = await client.PostAsync("/api/register/import", Uploads.File(file, "register.xlsx"));
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(before + 1, await Db().Associations.CountAsync());
    }

    [Fact]
    public async Task A_broken_workbook_is_refused_with_a_clear_problem()
    {
        var client = await platform.SignedInAsync("leading");
        var response = await client.PostAsync("/api/register/import", Uploads.File("PK\u0003\u0004 not really a zip"u8.ToArray(), "register.xlsx"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("EXCEL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_credit_code_is_refused_naming_the_field()
    {
        var client = await platform.SignedInAsync("leading");
        var units = await Db().Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        var response = await client.PostAsJsonAsync("/api/register", new { name = "临沂市罗庄区测试戊协会", creditCode = "51371311MJ00000001", supervisoryUnitId = units["jxj"], status = "RegisteredCivilAffairs" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(problem!["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == nameof(AssociationFields.CreditCode));
    }

    [Fact]
    public async Task A_supervisory_unit_reads_only_its_own_associations()
    {
        var db = Db();
        var units = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        var own = await db.Associations.FirstAsync(a => a.SupervisoryUnitId == units["jxj"]);
        var other = await db.Associations.FirstAsync(a => a.SupervisoryUnitId == units["swj"]);
        var jxj = await platform.SignedInAsync("jxj");

        Assert.Equal(HttpStatusCode.OK, (await jxj.GetAsync($"/api/register/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jxj.GetAsync($"/api/register/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jxj.GetAsync($"/api/associations/{other.Id}/checklist")).StatusCode);
        var list = await jxj.GetFromJsonAsync<JsonObject>("/api/register?take=500");
        Assert.All(list!["items"]!.AsArray(), a => Assert.Equal(units["jxj"], a!["supervisoryUnitId"]!.GetValue<Guid>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await jxj.PostAsync("/api/register/import", Uploads.File([1], "x.xlsx"))).StatusCode);
    }

    [Fact]
    public async Task Association_staff_see_their_own_record_only()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var list = await client.GetFromJsonAsync<JsonObject>("/api/register");
        var own = Assert.Single(list!["items"]!.AsArray());
        Assert.Contains("陶瓷", own!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        var other = await Db().Associations.FirstAsync(a => !a.Name.Contains("陶瓷"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/register/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_forged_upload_is_refused_by_its_content()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00 };
        var response = await client.PostAsync("/api/documents", Uploads.File(exe, "../../证明材料.pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("DOCUMENT_", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seal_over_an_uploaded_document_detects_a_file_changed_on_disk()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var uploaded = await client.PostAsync("/api/documents", Uploads.File(Docx("章程修正案"), "../章程修正案.docx"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var record = await uploaded.Content.ReadFromJsonAsync<JsonObject>();
        var id = record!["id"]!.GetValue<Guid>();
        Assert.DoesNotContain("..", record["fileName"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/documents/{id}/seal", null)).StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonObject>($"/api/documents/{id}/seal/verify"))!["isIntact"]!.GetValue<bool>());

        var store = (Decoupling.Domain.Documents.LocalFileStore)platform.Services.GetRequiredService<Decoupling.Domain.Documents.IFileStore>();
        var path = store.PathOf(record["storageKey"]!.GetValue<string>());
        File.SetAttributes(path, FileAttributes.Normal);
        await File.WriteAllBytesAsync(path, Docx("章程修正案（被改动）"));

        var verified = await client.GetFromJsonAsync<JsonObject>($"/api/documents/{id}/seal/verify");
        Assert.False(verified!["isIntact"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.SignedInAsync("swj")).GetAsync($"/api/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_audit_chain_reports_a_deleted_row()
    {
        var leading = await platform.SignedInAsync("leading");
        var auditor = await platform.SignedInAsync("auditadmin");
        await leading.PutAsJsonAsync("/api/routing", await leading.GetFromJsonAsync<JsonArray>("/api/routing"));
        Assert.True((await auditor.GetFromJsonAsync<JsonObject>("/api/audit/verify"))!["isIntact"]!.GetValue<bool>());

        var db = Db();
        var victim = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(3).FirstAsync();
        var table = db.Model.FindEntityType(typeof(Decoupling.Domain.Audit.AuditEntry))!.GetTableName();
#pragma warning disable EF1002 // the table name comes from the model, the sequence is a number read above
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\" WHERE \"Sequence\" = {victim.Sequence}");
#pragma warning restore EF1002

        var report = await auditor.GetFromJsonAsync<JsonObject>("/api/audit/verify");
        Assert.False(report!["isIntact"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedInAsync("czj")).GetAsync("/api/audit/verify")).StatusCode);
    }
}

public sealed class SqliteDomainApiTests(SqlitePlatform fixture) : DomainApiTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresDomainApiTests(PostgresPlatform fixture) : DomainApiTests(fixture.Factory), IClassFixture<PostgresPlatform>;
