using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// Hostile input through the API (issue 7): each is refused with an error naming what and where, the service keeps
/// answering, and nothing is half-written. The parser, sandbox and importer have unit tests of their own; these check
/// that the API keeps those promises end to end (status, problem code, Chinese detail, unchanged counts).
/// </summary>
public sealed class HostileInputTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private const string Header =
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" +
        """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">""";

    private static readonly CreditCodeGenerator Codes = new(Environment.TickCount ^ 0x5EED);

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private readonly PlatformFactory platform = fixture.Factory;

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private static string Process(string key, string body, string attributes = "") =>
        $"""{Header}<bpmn:process id="{key}" name="敌意测试" isExecutable="true"{attributes}>{body}</bpmn:process></bpmn:definitions>""";

    /// <summary>A user task as the platform publishes one: with its form, here a single outcome that routes nothing.</summary>
    private static string UserTask(string id, string name, string outcome, string outcomeName) =>
        $"""<bpmn:userTask id="{id}" name="{name}" camunda:assignee="leading"><bpmn:extensionElements><camunda:formData><camunda:formField id="outcome" label="办理结论" type="enum"><camunda:validation><camunda:constraint name="required" /></camunda:validation><camunda:value id="{outcome}" name="{outcomeName}" /></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>""";

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string name, string? code) => new()
    {
        [RegisterColumns.CreditCode] = code,
        [RegisterColumns.Name] = name,
        [RegisterColumns.SupervisoryUnit] = "区经济和信息化局",
        [RegisterColumns.Status] = "已在民政部门登记",
    };

    private PlatformDbContext Db() => platform.Services.CreateScope().ServiceProvider.GetRequiredService<PlatformDbContext>();

    private async Task<int> DefinitionCountAsync() =>
        (await (await platform.SignedInAsync("leading")).GetFromJsonAsync<JsonArray>("/api/definitions"))!.Count;

    /// <summary>The "service keeps answering" half of every test: a normal request right after the hostile one.</summary>
    private async Task AssertStillAnsweringAsync()
    {
        var client = await platform.SignedInAsync("leading");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/register?take=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions?key=decoupling")).StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    // ---------------------------------------------------------------- BPMN through the definitions API

    [Fact]
    public async Task An_external_entity_is_refused_by_deploy_and_validate_without_being_read()
    {
        var client = await platform.SignedInAsync("leading");
        var before = await DefinitionCountAsync();
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="xxe" name="&secret;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>
            """;

        var deployed = await client.PostAsync("/api/definitions", Xml(xml));
        var validated = await client.PostAsync("/api/definitions/validate", Xml(xml));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, deployed.StatusCode);
        var body = await deployed.Content.ReadAsStringAsync();
        Assert.Contains("BPMN_XML_DTD", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.Equal(["BPMN_XML_DTD"], (await ProblemAsync(validated))["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal(before, await DefinitionCountAsync());
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task Billion_laughs_is_refused_without_expanding()
    {
        var client = await platform.SignedInAsync("leading");
        var levels = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [ <!ENTITY lol0 "lol">{levels} ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="lol" name="&lol9;" /></bpmn:definitions>
            """;

        var response = await client.PostAsync("/api/definitions", Xml(xml));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await ProblemAsync(response))["errors"]!.AsArray();
        Assert.Equal(["BPMN_XML_DTD"], errors.Select(e => e!["code"]!.GetValue<string>()));
        await AssertStillAnsweringAsync();
    }

    [Theory]
    [InlineData("/api/definitions")]
    [InlineData("/api/definitions/validate")]
    public async Task A_fifty_megabyte_definition_is_refused_as_too_large_before_it_is_read(string path)
    {
        var client = await platform.SignedInAsync("leading");
        var before = await DefinitionCountAsync();
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)' ');
        Encoding.UTF8.GetBytes(Process("huge", """<bpmn:startEvent id="s" />""")).CopyTo(bytes, 0);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");

        var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("BPMN_XML_TOO_LARGE", problem["code"]!.GetValue<string>());
        Assert.Contains("上限", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // the designer shows body.errors[].message of any refusal (host/Designer/src/api.js)
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(problem["detail"]!.GetValue<string>(), error!["message"]!.GetValue<string>());
        Assert.Equal(before, await DefinitionCountAsync());
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task A_definition_over_the_character_limit_but_under_the_byte_precheck_is_refused_the_same_way()
    {
        // 12 M characters pass the Content-Length pre-check (4 bytes a character) and are refused while counting
        var client = await platform.SignedInAsync("leading");
        var xml = Process("long", """<bpmn:startEvent id="s" />""") + new string(' ', 12 * 1024 * 1024);

        var response = await client.PostAsync("/api/definitions", Xml(xml));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BPMN_XML_TOO_LARGE", (await ProblemAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kestrels_own_body_limit_answers_a_chinese_problem_not_a_500()
    {
        // the in-memory test server has no body limit: this one runs the same platform on Kestrel (30 MB limit)
        using var kestrel = platform.WithWebHostBuilder(b => b.UseSetting("Urls", "http://127.0.0.1:0"));
        kestrel.UseKestrel();
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "leading", password = "Luozhuang#2026" })).EnsureSuccessStatusCode();
        // 35 MB passes the endpoint's 40 MB length pre-check and meets Kestrel's limit on the first read; Expect: 100-continue
        // keeps the client from sending a body the server will not read
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = new ByteArrayContent(new byte[35 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("REQUEST_TOO_LARGE", problem["code"]!.GetValue<string>());
        Assert.Contains("大小", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions?key=decoupling")).StatusCode);
    }

    [Fact]
    public async Task A_simulation_of_an_oversized_definition_is_refused_as_too_large()
    {
        var client = await platform.SignedInAsync("leading");
        var body = new JsonObject { ["xml"] = Process("sim", """<bpmn:startEvent id="s" />""") + new string(' ', 11 * 1024 * 1024) };

        var response = await client.PostAsJsonAsync("/api/definitions/simulate", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("BPMN_XML_TOO_LARGE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_levels_of_nesting_are_refused_naming_line_and_column()
    {
        var client = await platform.SignedInAsync("leading");
        const int depth = 10_000;
        var nested = string.Concat(Enumerable.Repeat("<x:a xmlns:x=\"urn:x\">", depth)) + string.Concat(Enumerable.Repeat("</x:a>", depth));
        var xml = Process("deep", $"""<bpmn:startEvent id="s"><bpmn:extensionElements>{nested}</bpmn:extensionElements></bpmn:startEvent>""");

        var response = await client.PostAsync("/api/definitions", Xml(xml));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await ProblemAsync(response))["errors"]!.AsArray());
        Assert.Equal("BPMN_XML_TOO_DEEP", error!["code"]!.GetValue<string>());
        Assert.Matches("第 \\d+ 行第 \\d+ 列", error["message"]!.GetValue<string>());
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task An_unknown_bpmn_element_is_refused_by_its_id_and_a_foreign_extension_is_ignored()
    {
        var client = await platform.SignedInAsync("leading");
        const string flow = """
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
            """;

        var unknown = await client.PostAsync("/api/definitions", Xml(Process("unknown-element", flow + """<bpmn:teleportTask id="Beam" />""")));
        var foreign = await client.PostAsync("/api/definitions/validate", Xml(Process("foreign-element", flow + """<x:note xmlns:x="urn:vendor" id="Note">备注</x:note>""")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var error = Assert.Single((await ProblemAsync(unknown))["errors"]!.AsArray());
        Assert.Equal("BPMN_UNSUPPORTED_ELEMENT", error!["code"]!.GetValue<string>());
        Assert.Equal("Beam", error["elementId"]!.GetValue<string>());
        Assert.Contains("teleportTask", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await ProblemAsync(foreign))["errors"]!.AsArray());
    }

    [Fact]
    public async Task Malformed_xml_is_refused_with_its_line_and_column()
    {
        var client = await platform.SignedInAsync("leading");
        var xml = Header + "\n<bpmn:process id=\"broken\">\n  <bpmn:startEvent id=\"s\">\n</bpmn:process>\n</bpmn:definitions>";

        var response = await client.PostAsync("/api/definitions", Xml(xml));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await ProblemAsync(response))["errors"]!.AsArray());
        Assert.Equal("BPMN_XML_MALFORMED", error!["code"]!.GetValue<string>());
        Assert.Contains("第 5 行第 3 列", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertStillAnsweringAsync();
    }

    // ---------------------------------------------------------------- JavaScript expressions in a deployed flow

    private async Task<HttpClient> DeployGatewayFlowAsync(string key, string condition, bool afterTask)
    {
        var client = await platform.SignedInAsync("leading");
        var escaped = System.Security.SecurityElement.Escape(condition);
        var head = afterTask
            ? $"""<bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fill" />{UserTask("fill", "填写", "approve", "同意")}<bpmn:sequenceFlow id="f1" sourceRef="fill" targetRef="decide" />"""
            : """<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide" />""";
        // a district-wide matter the leading group starts: the platform refuses a start by anyone the process does not name
        var xml = Process(key, $"""
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseSubject" value="district" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="s" />{head}
            <bpmn:exclusiveGateway id="decide" default="ok" />
            <bpmn:sequenceFlow id="hostile" sourceRef="decide" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{escaped}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="ok" sourceRef="decide" targetRef="wait" />
            {UserTask("wait", "等待", "done", "完成")}
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="e2" />
            <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
            """, " camunda:candidateStarterGroups=\"role:LeadingGroup\"");
        var deployed = await client.PostAsync($"/api/definitions?name={key}.bpmn", Xml(xml));
        Assert.True(deployed.StatusCode == HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());
        return client;
    }

    private async Task<JsonObject> IncidentOfAsync(Guid instanceId)
    {
        var incidents = await (await platform.SignedInAsync("sysadmin")).GetFromJsonAsync<JsonArray>("/api/incidents");
        return Assert.Single(incidents!, i => i!["instanceId"]!.GetValue<Guid>() == instanceId)!.AsObject();
    }

    [Fact]
    public async Task An_endless_condition_met_when_starting_becomes_an_incident_and_the_start_answers()
    {
        var client = await DeployGatewayFlowAsync("hostile-start", "${ while(true){} }", afterTask: false);

        var started = await client.PostAsJsonAsync("/api/instances", new { key = "hostile-start" });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await ProblemAsync(started))["id"]!.GetValue<Guid>();
        var incident = await IncidentOfAsync(id);
        Assert.Equal("EXPR_STATEMENTS", incident["code"]!.GetValue<string>());
        Assert.Contains("hostile", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var instance = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal("Active", instance!["state"]!.GetValue<string>());
        await AssertStillAnsweringAsync();
    }

    [Theory]
    [InlineData("${ var a=[]; while(true) a.push(new Array(1e6)) }", "loop")]
    [InlineData("${ var a=[]; while(true) a.push('x'.repeat(1e6)) }", "alloc")]
    [InlineData("${ System.IO.File.Exists('/etc/passwd') }", "system")]
    [InlineData("${ importNamespace('System.IO').File.ReadAllText('/etc/passwd') }", "import")]
    [InlineData("${ this.constructor.constructor('return process')() }", "ctor")]
    [InlineData("${ (function(){}).constructor('return this')().process.exit() }", "function")]
    [InlineData("${ Object.getPrototypeOf(async function(){}).constructor('return 1') }", "async")]
    [InlineData("${ (1).GetType().Assembly.GetTypes().length > 0 }", "reflection")]
    [InlineData("${ clr.System.Environment.Exit(1) }", "clr")]
    public async Task A_hostile_condition_met_when_a_task_is_completed_becomes_an_incident_naming_the_flow(string condition, string name)
    {
        var key = "hostile-" + name;
        var client = await DeployGatewayFlowAsync(key, condition, afterTask: true);
        var started = await client.PostAsJsonAsync("/api/instances", new { key });
        var id = (await ProblemAsync(started))["id"]!.GetValue<Guid>();
        var inbox = await client.GetFromJsonAsync<JsonObject>("/api/tasks?take=1000");
        var task = inbox!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == id);

        var completed = await client.PostAsJsonAsync($"/api/tasks/{task!["id"]!.GetValue<Guid>()}/complete", new { outcome = "approve" });

        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        var incident = await IncidentOfAsync(id);
        Assert.StartsWith("EXPR_", incident["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("hostile", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var journal = await client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
        Assert.DoesNotContain(journal!, j => j!.ToJsonString().Contains("\"e1\"", StringComparison.Ordinal) || j.ToJsonString().Contains("\"wait\"", StringComparison.Ordinal));
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task Json_nested_past_the_limit_is_refused_naming_where_even_in_production()
    {
        // Production, as `dotnet run` serves: there minimal APIs answer a bad body with an empty 400 unless told to throw
        using var production = platform.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "leading", password = "Luozhuang#2026" })).EnsureSuccessStatusCode();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var body = new StringContent($$"""{"key":"decoupling","businessKey":"deep","variables":{{deep}}}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/instances", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("REQUEST_JSON_INVALID", problem["code"]!.GetValue<string>());
        Assert.Contains("$.variables", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches("第 1 行第 \\d+ 列", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions?key=decoupling")).StatusCode);
    }

    // ---------------------------------------------------------------- register import

    [Fact]
    public async Task An_import_without_a_required_column_names_the_missing_column()
    {
        var client = await platform.SignedInAsync("leading");
        var before = await Db().Associations.CountAsync();
        var row = Row("临沂市罗庄区缺列协会", Codes.Next());
        row.Remove(RegisterColumns.Name);

        var response = await client.PostAsync("/api/register/import", Uploads.File(Workbook([row]), "register.xlsx"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issue = Assert.Single((await ProblemAsync(response))["issues"]!.AsArray());
        Assert.Equal("EXCEL_HEADER_MISSING", issue!["code"]!.GetValue<string>());
        Assert.Contains(RegisterColumns.Name, issue["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Db().Associations.CountAsync());
    }

    [Fact]
    public async Task A_hundred_thousand_rows_are_refused_by_the_row_limit_and_nothing_is_written()
    {
        var client = await platform.SignedInAsync("leading");
        var before = await Db().Associations.CountAsync();
        var rows = Enumerable.Range(0, 100_000).Select(i => Row($"临沂市罗庄区批量{i}协会", null));

        var response = await client.PostAsync("/api/register/import", Uploads.File(Workbook(rows), "register.xlsx"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issue = Assert.Single((await ProblemAsync(response))["issues"]!.AsArray());
        Assert.Equal("EXCEL_TOO_MANY_ROWS", issue!["code"]!.GetValue<string>());
        Assert.Contains(Decoupling.Domain.Excel.ExcelTable.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture), issue["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Db().Associations.CountAsync());
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task Formula_text_is_imported_as_text_and_exported_escaped()
    {
        var client = await platform.SignedInAsync("leading");
        const string name = "=HYPERLINK(\"http://evil.example\",\"临沂市罗庄区公式协会\")";
        var imported = await client.PostAsync("/api/register/import", Uploads.File(Workbook([Row(name, Codes.Next())]), "register.xlsx"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, await Db().Associations.CountAsync(a => a.Name == name));

        var export = await client.GetByteArrayAsync("/api/register/export");

        using var zip = new ZipArchive(new MemoryStream(export));
        foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            // no cell of the export is a formula, whatever its text
            var sheet = await new StreamReader(part.Open()).ReadToEndAsync();
            Assert.DoesNotMatch("<(\\w+:)?f[ >]", sheet);
        }

        var names = new MemoryStream(export).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r[RegisterColumns.Name]?.ToString()).ToList();
        Assert.Contains("'" + name, names);
        Assert.DoesNotContain(names, n => n is not null && n.Length > 0 && "=+-@".Contains(n[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ledger_escapes_a_formula_in_any_text_field_not_only_the_name()
    {
        var client = await platform.SignedInAsync("leading");
        var unit = (await Db().Associations.FirstAsync(a => a.SupervisoryUnitId != null)).SupervisoryUnitId;
        const string certificate = "=HYPERLINK(\"http://evil.example\",\"证书\")";
        var created = await client.PostAsJsonAsync("/api/register", new { name = "临沂市罗庄区台账公式协会", creditCode = Codes.Next(), supervisoryUnitId = unit, status = "RegisteredCivilAffairs", certificateNumber = certificate });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var context = new Decoupling.Engine.Services.ServiceTaskContext
        {
            InstanceId = Guid.Empty, RootInstanceId = Guid.Empty, ExecutionId = Guid.NewGuid(), DefinitionKey = "test", ElementId = "ledger",
            Topic = "ledger.export", Inputs = [], Variables = [], Now = DateTimeOffset.Now,
        };

        var output = await platform.Services.GetRequiredService<Decoupling.Activities.Handlers.ExportLedgerHandler>().ExecuteAsync(context, default);

        using var scope = platform.Services.CreateScope();
        var (_, content) = await scope.ServiceProvider.GetRequiredService<Decoupling.Domain.Documents.DocumentService>().OpenAsync(Guid.Parse(output!["ledgerDocumentId"]!.GetValue<string>()));
        var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        await content.DisposeAsync();
        var row = copy.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single(r => r["协会商会名称"]?.ToString() == "临沂市罗庄区台账公式协会");
        Assert.Equal("'" + certificate, row["登记证书编号"]);
    }

    [Theory]
    [InlineData("register.xlsx")]
    [InlineData("notes.txt")]
    public async Task A_text_file_renamed_xlsx_is_refused_as_unreadable(string fileName)
    {
        var client = await platform.SignedInAsync("leading");
        var before = await Db().Associations.CountAsync();

        var response = await client.PostAsync("/api/register/import", Uploads.File("名称,统一社会信用代码\n=cmd|' /C calc'!A0,x\n"u8.ToArray(), fileName));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issue = Assert.Single((await ProblemAsync(response))["issues"]!.AsArray());
        Assert.Equal("EXCEL_FILE_UNREADABLE", issue!["code"]!.GetValue<string>());
        Assert.Equal(before, await Db().Associations.CountAsync());
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task An_oversized_import_is_refused_as_too_large_with_the_limit()
    {
        var client = await platform.SignedInAsync("leading");

        var response = await client.PostAsync("/api/register/import", Uploads.File(new byte[21 * 1024 * 1024], "register.xlsx"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("DOCUMENT_TOO_LARGE", problem["code"]!.GetValue<string>());
        Assert.Contains("20 MB", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- uploads

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "证明.pdf")]
    [InlineData("<!DOCTYPE html><body onload=alert(1)>", "章程.docx")]
    [InlineData("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000", "报告.docx")]
    [InlineData("PK\u0003\u0004 a zip that is no office package", "报告.docx")]
    public async Task Content_that_is_not_what_its_name_says_is_refused(string content, string fileName)
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var before = await Db().Documents.CountAsync();

        var response = await client.PostAsync("/api/documents", Uploads.File(Encoding.Latin1.GetBytes(content), fileName, "application/pdf"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.StartsWith("DOCUMENT_CONTENT_", problem["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(fileName, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Db().Documents.CountAsync());
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\x.pdf", "x.pdf")]
    [InlineData("/etc/shadow.pdf", "shadow.pdf")]
    [InlineData("C:\\Windows\\System32\\evil.pdf", "evil.pdf")]
    [InlineData("....//....//up.pdf", "up.pdf")]
    [InlineData("<img src=x onerror=alert(1)>.pdf", "_img src=x onerror=alert(1)_.pdf")]
    public async Task A_path_in_the_file_name_is_dropped_and_the_file_is_stored_under_its_hash(string fileName, string expected)
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var unique = Pdf.Concat(Encoding.UTF8.GetBytes(fileName)).ToArray();

        var response = await client.PostAsync("/api/documents", Uploads.File(unique, fileName, "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var record = await ProblemAsync(response);
        Assert.Equal(expected, record["fileName"]!.GetValue<string>());
        var key = record["storageKey"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", key);
        var store = (Decoupling.Domain.Documents.LocalFileStore)platform.Services.GetRequiredService<Decoupling.Domain.Documents.IFileStore>();
        Assert.StartsWith(store.Root, Path.GetFullPath(store.PathOf(key)), StringComparison.Ordinal);

        var download = await client.GetAsync($"/api/documents/{record["id"]!.GetValue<Guid>()}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.DoesNotContain("/", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_name_with_nul_and_control_characters_is_cleaned()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf.Concat("nul"u8.ToArray()).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // the header is written by hand: HttpClient refuses control characters in a file name it formats itself
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"evil\u0001name.exe%00.pdf\"");
        form.Add(file);

        var response = await client.PostAsync("/api/documents", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await ProblemAsync(response))["fileName"]!.GetValue<string>();
        Assert.DoesNotContain(stored, char.IsControl);
        Assert.EndsWith(".pdf", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_without_an_accepted_extension_is_refused_naming_the_type()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");

        var response = await client.PostAsync("/api/documents", Uploads.File(Pdf, "../../etc/passwd"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("DOCUMENT_TYPE_UNSUPPORTED", (await ProblemAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_the_limit_and_nothing_is_stored()
    {
        var client = await platform.SignedInAsync("assoc.ceramics");
        var before = await Db().Documents.CountAsync();
        var big = new byte[21 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var response = await client.PostAsync("/api/documents", Uploads.File(big, "大文件.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("DOCUMENT_TOO_LARGE", problem["code"]!.GetValue<string>());
        Assert.Contains("20 MB", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Db().Documents.CountAsync());
        await AssertStillAnsweringAsync();
    }
}
