using System.Net;
using System.Text.Json.Nodes;

namespace Decoupling.Host.Tests.Api;

/// <summary>The holiday calendar through the API: administrators edit it, deadlines follow at once, bad entries are refused by field.</summary>
public sealed class CalendarApiTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private static async Task<string> DueAsync(HttpClient client, string from, int days)
    {
        var answer = await client.GetFromJsonAsync<JsonObject>($"/api/calendar/working-days?from={from}&days={days}");
        return answer!["due"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_holiday_added_by_an_administrator_moves_a_deadline_across_it_by_one_working_day()
    {
        var admin = await fixture.Factory.SignedInAsync("sysadmin");
        var reviewer = await fixture.Factory.SignedInAsync("czj");
        // Monday 2 March 2026 + 5 working days, no holiday in that week
        Assert.Equal("2026-03-09", await DueAsync(reviewer, "2026-03-02", 5));

        var added = await admin.PostAsJsonAsync("/api/calendar", new { date = "2026-03-04", kind = "Holiday", name = "区庆" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        Assert.Equal("2026-03-10", await DueAsync(reviewer, "2026-03-02", 5));
        var year = await reviewer.GetFromJsonAsync<JsonArray>("/api/calendar?year=2026");
        Assert.Contains(year!, d => d!["date"]!.GetValue<string>() == "2026-03-04" && d["name"]!.GetValue<string>() == "区庆");

        var renamed = await admin.PutAsJsonAsync("/api/calendar/2026-03-04", new { kind = "Holiday", name = "区庆纪念日" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/calendar/2026-03-04")).StatusCode);
        Assert.Equal("2026-03-09", await DueAsync(reviewer, "2026-03-02", 5));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/calendar/2026-03-04")).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_change_the_calendar()
    {
        foreach (var user in new[] { "leading", "czj", "assoc.ceramics" })
        {
            var client = await fixture.Factory.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/calendar", new { date = "2026-03-05", kind = "Holiday", name = "某节" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/calendar/2026-10-01", new { kind = "Holiday", name = "某节" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/calendar/2026-10-01")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/calendar?year=2026")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.Anonymous().GetAsync("/api/calendar?year=2026")).StatusCode);
    }

    [Fact]
    public async Task Bad_entries_are_refused_naming_each_field_in_chinese()
    {
        var admin = await fixture.Factory.SignedInAsync("sysadmin");

        var outOfRange = await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar", new { date = "2150-01-01", kind = "Holiday", name = " " }));
        Assert.Equal(["date", "name"], outOfRange.Select(e => e!["field"]!.GetValue<string>()));
        Assert.Contains("2000 年至 2099 年", outOfRange[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("“名称”不能为空", outOfRange[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // 1 October is in the seeded calendar (国庆节)
        var duplicate = Assert.Single(await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar", new { date = "2026-10-01", kind = "Holiday", name = "国庆" })))!;
        Assert.Equal("CALENDAR_DAY_DUPLICATE", duplicate["code"]!.GetValue<string>());
        Assert.Contains("已设置为节假日", duplicate["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Wednesday 4 March 2026 cannot be a make-up working day
        var weekday = Assert.Single(await ProblemAsync(await admin.PostAsJsonAsync("/api/calendar", new { date = "2026-03-04", kind = "MakeUpWorkday", name = "补班" })))!;
        Assert.Equal("kind", weekday["field"]!.GetValue<string>());
        Assert.Contains("周六或周日", weekday["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var tooFar = await admin.GetAsync("/api/calendar/working-days?from=2026-03-02&days=100000");
        Assert.Equal((HttpStatusCode)422, tooFar.StatusCode);
    }

    private static async Task<JsonArray> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        return problem!["errors"]!.AsArray();
    }
}
