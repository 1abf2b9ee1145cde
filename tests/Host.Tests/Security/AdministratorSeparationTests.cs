using System.Net;
using System.Text.Json.Nodes;

namespace Decoupling.Host.Tests.Security;

/// <summary>
/// 三员分立 through the API: each of the system, security and audit administrators is refused the others' work, only
/// the audit administrator reads the audit trail, and no account holds two administrator roles.
/// </summary>
public sealed class AdministratorSeparationTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private static readonly string[] AuditEndpoints = ["/api/audit", "/api/audit/verify", "/api/audit/export"];

    [Fact]
    public async Task Only_the_audit_administrator_reads_the_audit_trail()
    {
        foreach (var user in Api.AuthorizationMatrixTests.DemoUserOfRole.Values)
        {
            var client = await fixture.Factory.SignedInAsync(user);
            foreach (var path in AuditEndpoints)
            {
                var response = await client.GetAsync(path);
                Assert.True(user == "auditadmin" ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.Forbidden,
                    $"{user} GET {path}: {(int)response.StatusCode}");
            }
        }

        var export = await (await fixture.Factory.SignedInAsync("auditadmin")).GetAsync("/api/audit/export");
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("序号,时间(UTC),操作人", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("校验通过", csv, StringComparison.Ordinal);
        Assert.Contains("\"SM3\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_administrator_is_refused_the_others_work()
    {
        var sysadmin = await fixture.Factory.SignedInAsync("sysadmin");
        var secadmin = await fixture.Factory.SignedInAsync("secadmin");
        var auditadmin = await fixture.Factory.SignedInAsync("auditadmin");
        var someone = (await sysadmin.GetFromJsonAsync<JsonArray>("/api/users"))!
            .First(u => u!["userName"]!.GetValue<string>() == "czj")!["id"]!.GetValue<string>();
        var policy = new { idleTimeoutMinutes = 30, passwordMinLength = 10, maxFailedAccessAttempts = 5, lockoutMinutes = 15 };
        var role = new { role = "Reviewer", departmentId = (Guid?)null };
        var calendarDay = new { date = "2026-12-31", kind = "Holiday", name = "测试" };
        var newUser = new { userName = "sep.user", displayName = "分立测试", password = "Luozhuang#2026" };

        var cases = new (HttpClient Client, string Who, HttpMethod Method, string Path, object? Body, bool Admitted)[]
        {
            // the system administrator's work
            (sysadmin, "sysadmin", HttpMethod.Post, "/api/users", newUser, true),
            (secadmin, "secadmin", HttpMethod.Post, "/api/users", newUser, false),
            (auditadmin, "auditadmin", HttpMethod.Post, "/api/users", newUser, false),
            (secadmin, "secadmin", HttpMethod.Post, "/api/calendar", calendarDay, false),
            (auditadmin, "auditadmin", HttpMethod.Post, "/api/calendar", calendarDay, false),
            (secadmin, "secadmin", HttpMethod.Get, "/api/incidents", null, false),
            (auditadmin, "auditadmin", HttpMethod.Post, "/api/jobs/audit-sampling/trigger", null, false),
            // the security administrator's work
            (secadmin, "secadmin", HttpMethod.Put, "/api/security/policy", policy, true),
            (sysadmin, "sysadmin", HttpMethod.Put, "/api/security/policy", policy, false),
            (auditadmin, "auditadmin", HttpMethod.Get, "/api/security/policy", null, false),
            (sysadmin, "sysadmin", HttpMethod.Put, $"/api/users/{someone}/role", role, false),
            (auditadmin, "auditadmin", HttpMethod.Put, $"/api/users/{someone}/role", role, false),
            (sysadmin, "sysadmin", HttpMethod.Post, $"/api/users/{someone}/lock?locked=false", null, false),
            (auditadmin, "auditadmin", HttpMethod.Post, $"/api/users/{someone}/reset-second-factor", null, false),
            (auditadmin, "auditadmin", HttpMethod.Get, "/api/users", null, false),
            // the audit administrator's work
            (sysadmin, "sysadmin", HttpMethod.Get, "/api/audit/verify", null, false),
            (secadmin, "secadmin", HttpMethod.Get, "/api/audit/export", null, false),
            (auditadmin, "auditadmin", HttpMethod.Get, "/api/audit/verify", null, true),
        };
        foreach (var (client, who, method, path, body, admitted) in cases)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            Assert.True(admitted != refused, $"{who} {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task An_account_opened_by_the_system_administrator_gets_its_one_role_from_the_security_administrator()
    {
        var sysadmin = await fixture.Factory.SignedInAsync("sysadmin");
        var secadmin = await fixture.Factory.SignedInAsync("secadmin");

        var withRole = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "new.reviewer", displayName = "新审核人", password = "Luozhuang#2026", role = "Reviewer" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withRole.StatusCode);
        Assert.Contains("角色由安全管理员分配", await withRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "new.reviewer", displayName = "新审核人", password = "Luozhuang#2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var db = fixture.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<Decoupling.Domain.Persistence.PlatformDbContext>();
        var czj = db.Departments.Single(d => d.Code == "czj").Id;
        var assigned = await secadmin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "Reviewer", departmentId = czj });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var me = await (await fixture.Factory.SignedInAsync("new.reviewer")).GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("Reviewer", me!["roles"]!.AsArray().Single()!.GetValue<string>());
        Assert.Contains("dept:czj", me["groups"]!.AsArray().Select(g => g!.GetValue<string>()));

        // an administrator's account takes no second role, and the security administrator cannot change their own
        var users = await secadmin.GetFromJsonAsync<JsonArray>("/api/users");
        string IdOf(string name) => users!.First(u => u!["userName"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        var doubled = await secadmin.PutAsJsonAsync($"/api/users/{IdOf("sysadmin")}/role", new { role = "AuditAdmin" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, doubled.StatusCode);
        Assert.Contains("三员分立", await doubled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var self = await secadmin.PostAsync($"/api/users/{IdOf("secadmin")}/lock?locked=true", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("不能修改自己的账号", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
