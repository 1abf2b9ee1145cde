using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.Observability;

/// <summary>The steps of a case show in the Prometheus scrape, which only the system administrator (or the scrape token) reads.</summary>
public sealed class MetricsTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private static readonly string Model = ReviewModel.Sequential("metrics-two-steps", "两部门审核", "role:LeadingGroup",
        ("staffing", "编办审核", "dept:bb"), ("finance", "财政审核", "dept:czj"));

    [Fact]
    public async Task A_scenarios_steps_appear_in_the_metrics_endpoint()
    {
        var leading = await fixture.Factory.SignedInAsync("leading");
        (await leading.PostAsync("/api/definitions?name=metrics.bpmn", new StringContent(Model, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var association = await fixture.Factory.AssociationWithoutOpenCaseAsync("metrics-two-steps");
        var started = await leading.PostAsJsonAsync("/api/instances", new { key = "metrics-two-steps", businessKey = association.Id.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var bb = await fixture.Factory.SignedInAsync("bb");
        var task = (await bb.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId);
        Assert.Equal(HttpStatusCode.NoContent, (await bb.PostAsJsonAsync($"/api/tasks/{task!["id"]}/complete", new { outcome = "approve", comment = "同意" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.Anonymous().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leading.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.Factory.SignedInAsync("auditadmin")).GetAsync("/metrics")).StatusCode);

        var scrape = await (await fixture.Factory.SignedInAsync("sysadmin")).GetStringAsync("/metrics");
        Assert.True(Value(scrape, "decoupling_engine_steps_total", "metrics-two-steps") >= 2, Excerpt(scrape, "decoupling_engine_steps_total"));
        Assert.True(Value(scrape, "decoupling_engine_step_duration_seconds_count", "metrics-two-steps") >= 2, Excerpt(scrape, "decoupling_engine_step_duration"));
        Assert.Contains("decoupling_engine_inbox_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        foreach (var gauge in new[] { "decoupling_tasks_open", "decoupling_tasks_overdue", "decoupling_incidents_open", "decoupling_jobs_lag_seconds", "decoupling_outbox_pending" })
        {
            Assert.Contains(gauge, scrape, StringComparison.Ordinal);
        }

        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scraper_reads_metrics_with_the_configured_token_only()
    {
        using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Metrics:ScrapeToken", "prometheus-scrape-token-0123456789"));
        var scraper = factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "prometheus-scrape-token-0123456789");
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);

        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "prometheus-scrape-token-0123456780");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_with_their_checks()
    {
        var client = fixture.Factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["database", "hangfire", "files"], checks);
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels name the definition.</summary>
    private static double Value(string scrape, string metric, string definition)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal)
            && l.Contains($"definition=\"{definition}\"", StringComparison.Ordinal) && (!metric.EndsWith("_total", StringComparison.Ordinal) || l.Contains("outcome=\"committed\"", StringComparison.Ordinal)));
        return line is null ? 0 : double.Parse(Regex.Match(line, @"\}\s+(\S+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Excerpt(string scrape, string metric) =>
        string.Join('\n', scrape.Split('\n').Where(l => l.Contains(metric, StringComparison.Ordinal)).Take(10));
}
