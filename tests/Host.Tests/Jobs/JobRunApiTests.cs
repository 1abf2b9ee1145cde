using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Host.Jobs;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>Runs of the long jobs as the leading group and administrators see them, and starting a recurring job by hand.</summary>
public sealed class JobRunApiTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_finished_ledger_run_is_listed_with_full_progress_for_the_leading_group_only()
    {
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<WeeklyLedgerJob>().RunAsync());
        }

        var leading = await fixture.Factory.SignedInAsync("leading");
        var runs = await leading.GetFromJsonAsync<JsonArray>("/api/jobs/runs?job=weekly-ledger");
        var run = Assert.Single(runs!)!;
        Assert.Equal("Succeeded", run["outcome"]!.GetValue<string>());
        Assert.Equal(100, run["progress"]!.GetValue<int>());
        Assert.Matches(@"^\d{4}-W\d{2}$", run["periodKey"]!.GetValue<string>());
        Assert.Contains("台账已生成", run["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(run["node"]!.GetValue<string>()));
        Assert.NotNull(run["finishedAt"]);

        var reviewer = await fixture.Factory.SignedInAsync("czj");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/jobs/runs")).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_runs_a_known_recurring_job_now()
    {
        var admin = await fixture.Factory.SignedInAsync("sysadmin");
        var leading = await fixture.Factory.SignedInAsync("leading");

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/jobs/audit-sampling/trigger", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/jobs/engine-sweep/trigger", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leading.PostAsync("/api/jobs/audit-sampling/trigger", null)).StatusCode);
    }
}
