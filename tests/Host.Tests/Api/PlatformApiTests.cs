using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.Api;

/// <summary>The API's behaviour, run on both providers by the two subclasses below.</summary>
public abstract class PlatformApiTests(PlatformFactory platform)
{
    // one department reviews; the leading group and the supervisory units start it for an association
    private static readonly string Review = ReviewOf("api-review");

    private static string ReviewOf(string key) => ReviewModel.Sequential(key, "测试审核", "role:LeadingGroup,role:SupervisoryUnit", ("check", "编办审核", "dept:bb"));

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [Fact]
    public async Task Health_answers_without_signing_in()
    {
        var response = await platform.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var document = await platform.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        Assert.NotNull(document!["paths"]!["/api/definitions/"] ?? document["paths"]!["/api/definitions"]);
    }

    [Fact]
    public async Task The_designer_gets_an_element_template_for_every_custom_activity()
    {
        var templates = await (await platform.SignedInAsync("leading")).GetFromJsonAsync<JsonArray>("/api/element-templates");
        Assert.NotEmpty(templates!);
        Assert.All(templates!, t =>
        {
            var properties = t!["properties"]!.AsArray();
            Assert.Contains(properties, p => p!["binding"]!["name"]?.GetValue<string>() == "camunda:topic" || p["binding"]!["type"]?.GetValue<string>() == "camunda:topic");
            Assert.False(string.IsNullOrEmpty(t["name"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task The_procedure_flows_are_deployed_at_start()
    {
        var definitions = await (await platform.SignedInAsync("leading")).GetFromJsonAsync<JsonArray>("/api/definitions");
        var keys = definitions!.Select(d => d!["key"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "decoupling", "item-review", "registration", "unit-summary", "evaluation", "risk-report" }, keys);
    }

    [Fact]
    public async Task Me_names_the_user_department_and_groups()
    {
        var client = await platform.SignedInAsync("czj");
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("czj", me!["userName"]!.GetValue<string>());
        Assert.Contains("dept:czj", me["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_lock_the_account()
    {
        var client = platform.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/login", new { userName = "evaluator", password = "Wrong#Password1" });
            Assert.Equal(HttpStatusCode.Unauthorized, last.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "evaluator", password = "Luozhuang#2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("AUTH_LOCKED_OUT", (await locked.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Definitions_are_for_the_leading_group_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous().GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedInAsync("czj")).GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await platform.SignedInAsync("leading")).GetAsync("/api/definitions")).StatusCode);
    }

    [Fact]
    public async Task Publishing_creates_a_version_and_identical_xml_is_a_no_op()
    {
        var client = await platform.SignedInAsync("leading");
        var first = await (await client.PostAsync("/api/definitions?name=api-review.bpmn", Xml(Review))).Content.ReadFromJsonAsync<JsonObject>();
        var again = await (await client.PostAsync("/api/definitions?name=api-review.bpmn", Xml(Review))).Content.ReadFromJsonAsync<JsonObject>();
        var changed = await (await client.PostAsync("/api/definitions?name=api-review.bpmn", Xml(Review.Replace("编办审核", "编办复核", StringComparison.Ordinal)))).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(first!["version"]!.GetValue<int>(), again!["version"]!.GetValue<int>());
        Assert.False(again["created"]!.GetValue<bool>());
        Assert.Equal(first["version"]!.GetValue<int>() + 1, changed!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_version_list_counts_the_cases_still_running_on_each_version_and_names_who_published_it()
    {
        var leading = await platform.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=api-running.bpmn", Xml(ReviewOf("api-running")))).EnsureSuccessStatusCode();
        var association = await platform.AssociationWithoutOpenCaseAsync("api-running", a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var started = await (await platform.SignedInAsync("jxj")).PostAsJsonAsync("/api/instances", new { key = "api-running", businessKey = association.Id.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        (await leading.PostAsync("/api/definitions?name=api-running.bpmn", Xml(ReviewOf("api-running").Replace("编办审核", "编办复核", StringComparison.Ordinal)))).EnsureSuccessStatusCode();

        var versions = (await leading.GetFromJsonAsync<JsonArray>("/api/definitions?key=api-running"))!;

        Assert.Equal([(1, 1), (2, 0)], versions.Select(v => (v!["version"]!.GetValue<int>(), v["running"]!.GetValue<int>())));
        Assert.All(versions, v => Assert.Equal("领导小组办公室（发改局）", v!["deployedByName"]!.GetValue<string>()));
        // the flows of workflows/ were published by the platform at its first start, not by an account called startup
        var shipped = (await leading.GetFromJsonAsync<JsonArray>("/api/definitions?key=registration"))!;
        Assert.Equal("平台初始发布", shipped[0]!["deployedByName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_pickers_get_roles_and_department_kinds_by_their_Chinese_names()
    {
        var client = await platform.SignedInAsync("leading");
        var roles = (await client.GetFromJsonAsync<JsonArray>("/api/roles"))!.ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!["name"]!.GetValue<string>());
        Assert.Equal("领导小组办公室", roles["LeadingGroup"]);
        // no flow offers a task to the three administrators
        Assert.DoesNotContain("SystemAdmin", roles.Keys);
        var departments = (await client.GetFromJsonAsync<JsonArray>("/api/departments"))!;
        Assert.Contains(departments, d => d!["kindName"]!.GetValue<string>() == "职能部门");
        Assert.All(departments, d => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", d!["kindName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_the_element_ids()
    {
        var client = await platform.SignedInAsync("leading");
        var broken = Review.Replace("""<bpmn:sequenceFlow id="to-end" sourceRef="check" targetRef="end" />""", "", StringComparison.Ordinal);
        Assert.NotEqual(Review, broken);

        var response = await client.PostAsync("/api/definitions", Xml(broken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["elementId"]?.GetValue<string>() == "check");
        var validated = await (await client.PostAsync("/api/definitions/validate", Xml(broken))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(validated!["errors"]!.AsArray(), e => e!["elementId"]?.GetValue<string>() == "end");
    }

    [Fact]
    public async Task A_user_task_without_a_form_is_refused_at_publishing_naming_the_task()
    {
        var client = await platform.SignedInAsync("leading");
        var before = (await client.GetFromJsonAsync<JsonArray>("/api/definitions?key=api-review-no-form"))!.Count;
        var withoutForm = ReviewOf("api-review-no-form").Replace(ReviewModel.Form("check"), "", StringComparison.Ordinal);
        Assert.DoesNotContain("formData", withoutForm, StringComparison.Ordinal);

        var response = await client.PostAsync("/api/definitions?name=no-form.bpmn", Xml(withoutForm));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray());
        Assert.Equal("BPMN_USER_TASK_NO_FORM", error!["code"]!.GetValue<string>());
        Assert.Equal("check", error["elementId"]!.GetValue<string>());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonArray>("/api/definitions?key=api-review-no-form"))!.Count);
    }

    [Fact]
    public async Task A_dtd_is_refused_and_the_service_keeps_answering()
    {
        var client = await platform.SignedInAsync("leading");
        var hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + Review[(Review.IndexOf('\n') + 1)..];
        var response = await client.PostAsync("/api/definitions", Xml(hostile));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("BPMN_XML_DTD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions")).StatusCode);
    }

    [Fact]
    public async Task Simulation_runs_the_posted_model_with_answers()
    {
        var client = await platform.SignedInAsync("leading");
        var body = new JsonObject { ["xml"] = Review, ["answers"] = new JsonObject { ["tasks"] = new JsonObject { ["check"] = new JsonArray(new JsonObject { ["outcome"] = "approve" }) } } };
        var result = await (await client.PostAsJsonAsync("/api/definitions/simulate", body)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(result!["completed"]!.GetValue<bool>());
        Assert.Equal(1, result["counters"]!["check"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_instance_diagram_is_shown_to_the_reviewing_department_and_hidden_from_another()
    {
        var leading = await platform.SignedInAsync("leading");
        // a process of its own: the publishing test above changes api-review
        (await leading.PostAsync("/api/definitions?name=api-diagram.bpmn", Xml(ReviewOf("api-diagram")))).EnsureSuccessStatusCode();
        // the supervisory unit starts the case for its own association, as the page does
        var association = await platform.AssociationWithoutOpenCaseAsync("api-diagram", a => a.SupervisoryUnitId == platform.UnitId("jxj"));
        var started = await (await platform.SignedInAsync("jxj")).PostAsJsonAsync("/api/instances", new { key = "api-diagram", businessKey = association.Id.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.OK, (await (await platform.SignedInAsync("bb")).GetAsync($"/api/instances/{instanceId}/diagram")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.SignedInAsync("czj")).GetAsync($"/api/instances/{instanceId}/diagram")).StatusCode);
        var diagram = await leading.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/diagram");
        Assert.Equal(["check"], diagram!["active"]!.AsArray().Select(a => a!.GetValue<string>()).Where(a => a == "check"));
    }
}

public sealed class SqlitePlatformApiTests(SqlitePlatform fixture) : PlatformApiTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresPlatformApiTests(PostgresPlatform fixture) : PlatformApiTests(fixture.Factory), IClassFixture<PostgresPlatform>;
