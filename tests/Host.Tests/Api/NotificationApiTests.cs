using System.Net;
using System.Text.Json.Nodes;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// In-app notices through the API, on both providers: each person lists only what went to them or to their department;
/// a department's notice is read by each member for themselves; reading someone else's notice answers 404 and writes
/// nothing; 全部标为已读 clears mine and nobody else's; paging out of range is refused by name.
/// </summary>
public abstract class NotificationApiTests(PlatformFactory platform)
{
    private string Suffix => platform.Postgres ? "pg" : "lite";

    /// <summary>A second reviewer of 财政局 (the seed has one: czj), so a department notice has two readers.</summary>
    private async Task<string> ColleagueOfCzjAsync()
    {
        var userName = $"czj.two.{Suffix}";
        await using var scope = platform.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var czj = (await users.FindByNameAsync("czj"))!;
            var account = new PlatformUser { UserName = userName, DisplayName = "财政局审核人二", DepartmentId = czj.DepartmentId, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(account, "Luozhuang#2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, PlatformRoles.Reviewer)).Succeeded);
        }

        return userName;
    }

    private async Task<Guid> SendAsync(string key, string title, string? user = null, string? departmentOf = null)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Guid? department = departmentOf is null ? null : (await db.Users.SingleAsync(u => u.UserName == departmentOf)).DepartmentId;
        var notice = await scope.ServiceProvider.GetRequiredService<NotificationService>()
            .SendAsync($"{key}:{Suffix}", title, "请及时办理。", user, department, $"/tasks/{Guid.NewGuid()}");
        return notice.Id;
    }

    private async Task<int> ReadRowsAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().NotificationReads.CountAsync();
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/notifications{query}"))!;

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/notifications/unread-count"))!["unread"]!.GetValue<int>();

    private static JsonObject? Find(JsonArray list, Guid id) => list.OfType<JsonObject>().FirstOrDefault(n => n["id"]!.GetValue<Guid>() == id);

    [Fact]
    public async Task Each_person_lists_only_their_own_and_their_departments_notices()
    {
        var department = await SendAsync("mine:dept", "新待办：财政审核", departmentOf: "czj");
        var personal = await SendAsync("mine:czj", "催办：财政审核", user: "czj");
        var elsewhere = await SendAsync("mine:jxj", "新待办：主管单位初审", user: "jxj");
        var czj = await platform.SignedInAsync("czj");
        var jxj = await platform.SignedInAsync("jxj");

        var list = await ListAsync(czj);
        Assert.Equal("区财政局", Find(list, department)!["department"]!.GetValue<string>());
        Assert.Null(Find(list, personal)!["department"]);
        Assert.False(Find(list, personal)!["isRead"]!.GetValue<bool>());
        Assert.Null(Find(list, elsewhere));
        Assert.Null(Find(await ListAsync(jxj), department));
        Assert.NotNull(Find(await ListAsync(jxj), elsewhere));

        // newest first, and the header counts all of mine for paging
        var first = await czj.GetAsync("/api/notifications?take=1");
        Assert.Equal(personal, Assert.Single((await first.Content.ReadFromJsonAsync<JsonArray>())!)!["id"]!.GetValue<Guid>());
        Assert.Equal(list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task A_department_notice_is_read_by_each_colleague_for_themselves()
    {
        var colleague = await platform.SignedInAsync(await ColleagueOfCzjAsync());
        var czj = await platform.SignedInAsync("czj");
        var notice = await SendAsync("dept:separate", "新待办：财政审核（分别阅读）", departmentOf: "czj");
        var (czjBefore, colleagueBefore) = (await UnreadAsync(czj), await UnreadAsync(colleague));
        Assert.NotNull(Find(await ListAsync(colleague, "?unread=true"), notice));

        Assert.Equal(HttpStatusCode.NoContent, (await czj.PostAsync($"/api/notifications/{notice}/read", null)).StatusCode);
        // reading it again is no second read
        Assert.Equal(HttpStatusCode.NoContent, (await czj.PostAsync($"/api/notifications/{notice}/read", null)).StatusCode);

        Assert.Equal(czjBefore - 1, await UnreadAsync(czj));
        Assert.True(Find(await ListAsync(czj), notice)!["isRead"]!.GetValue<bool>());
        Assert.Null(Find(await ListAsync(czj, "?unread=true"), notice));
        Assert.Equal(colleagueBefore, await UnreadAsync(colleague));
        Assert.False(Find(await ListAsync(colleague), notice)!["isRead"]!.GetValue<bool>());
        Assert.NotNull(Find(await ListAsync(colleague, "?unread=true"), notice));
    }

    [Fact]
    public async Task Someone_elses_notice_is_not_found_and_nothing_is_written()
    {
        var departments = await SendAsync("other:dept", "新待办：财政审核（他人）", departmentOf: "czj");
        var personal = await SendAsync("other:czj", "催办：财政审核（他人）", user: "czj");
        var jxj = await platform.SignedInAsync("jxj");
        var staff = await platform.SignedInAsync("assoc.ceramics");
        var before = await ReadRowsAsync();

        foreach (var (client, id) in new[] { (jxj, departments), (jxj, personal), (staff, departments), (jxj, Guid.NewGuid()) })
        {
            var response = await client.PostAsync($"/api/notifications/{id}/read", null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("NOTICE_NOT_FOUND", problem["code"]!.GetValue<string>());
            Assert.Contains("通知", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ReadRowsAsync());
        var czj = await platform.SignedInAsync("czj");
        Assert.False(Find(await ListAsync(czj), departments)!["isRead"]!.GetValue<bool>());
        Assert.False(Find(await ListAsync(czj), personal)!["isRead"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Read_all_clears_my_notices_and_leaves_my_colleagues_and_others_unread()
    {
        var colleagueName = await ColleagueOfCzjAsync();
        var department = await SendAsync("all:dept", "新待办：财政审核（全部已读）", departmentOf: "czj");
        var personal = await SendAsync("all:colleague", "抄送给您的事项", user: colleagueName);
        var jxjNotice = await SendAsync("all:jxj", "新待办：主管单位初审（全部已读）", user: "jxj");
        var colleague = await platform.SignedInAsync(colleagueName);
        var czj = await platform.SignedInAsync("czj");
        var jxj = await platform.SignedInAsync("jxj");
        var (czjBefore, jxjBefore) = (await UnreadAsync(czj), await UnreadAsync(jxj));
        var mine = await UnreadAsync(colleague);
        Assert.True(mine >= 2);

        var result = (await (await colleague.PostAsync("/api/notifications/read-all", null)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(mine, result["marked"]!.GetValue<int>());
        Assert.Equal(0, await UnreadAsync(colleague));
        Assert.Empty(await ListAsync(colleague, "?unread=true"));
        Assert.True(Find(await ListAsync(colleague), department)!["isRead"]!.GetValue<bool>());
        Assert.True(Find(await ListAsync(colleague), personal)!["isRead"]!.GetValue<bool>());
        Assert.Equal(czjBefore, await UnreadAsync(czj));
        Assert.False(Find(await ListAsync(czj), department)!["isRead"]!.GetValue<bool>());
        Assert.Equal(jxjBefore, await UnreadAsync(jxj));
        Assert.False(Find(await ListAsync(jxj), jxjNotice)!["isRead"]!.GetValue<bool>());

        // nothing left to mark: a second press marks nothing
        var again = (await (await colleague.PostAsync("/api/notifications/read-all", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, again["marked"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_associations_staff_hear_of_the_step_that_waits_for_them()
    {
        var scenario = new Procedure.ScenarioPlatform(platform);
        var (associationId, staffName, _) = await scenario.FreshAssociationAsync("nyj");
        var staff = await platform.SignedInAsync(staffName);
        var unit = await platform.SignedInAsync("nyj");

        var started = await unit.PostAsJsonAsync("/api/instances", new { key = "decoupling", businessKey = associationId.ToString() });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        // the flow's first steps (register 脱钩中, load the checklist) are jobs, which Hangfire runs in production
        while (await scenario.Engine.RunDueJobsAsync() > 0)
        {
        }

        // the outbox delivers after the step commits; the association's own task (协会自查) reaches its staff like a department's
        JsonObject? notice = null;
        for (var i = 0; i < 100 && notice is null; i++)
        {
            notice = (await ListAsync(staff)).OfType<JsonObject>().FirstOrDefault(n => n["title"]!.GetValue<string>() == "新待办：协会自查填报清单");
            if (notice is null)
            {
                await Task.Delay(200);
            }
        }

        Assert.NotNull(notice);
        var link = notice!["link"]!.GetValue<string>();
        Assert.StartsWith("/tasks/", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api{link}")).StatusCode);
        Assert.DoesNotContain((await ListAsync(await platform.SignedInAsync("assoc.ceramics"))).OfType<JsonObject>(), n => n["link"]?.GetValue<string>() == link);
    }

    [Fact]
    public async Task Paging_out_of_range_is_refused_naming_what_was_wrong()
    {
        var czj = await platform.SignedInAsync("czj");
        foreach (var (query, named) in new[] { ("?take=0", "每页条数"), ("?take=1000", "每页条数"), ("?skip=-1", "起始位置") })
        {
            var response = await czj.GetAsync($"/api/notifications{query}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("NOTICE_PAGING_INVALID", problem["code"]!.GetValue<string>());
            Assert.Contains(named, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteNotificationApiTests(SqlitePlatform fixture) : NotificationApiTests(fixture.Factory), IClassFixture<SqlitePlatform>;

public sealed class PostgresNotificationApiTests(PostgresPlatform fixture) : NotificationApiTests(fixture.Factory), IClassFixture<PostgresPlatform>;
