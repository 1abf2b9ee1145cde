using System.Net;
using System.Text.Json.Nodes;
using Decoupling.TestSupport;

namespace Decoupling.Host.Tests.Security;

/// <summary>The three administrators never get a session from their password alone.</summary>
public sealed class SecondFactorTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("sysadmin", "/api/users")]
    [InlineData("secadmin", "/api/security/policy")]
    [InlineData("auditadmin", "/api/audit/verify")]
    public async Task An_administrator_without_the_second_factor_is_refused(string user, string ownEndpoint)
    {
        var client = fixture.Factory.Anonymous();
        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Luozhuang#2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Equal("AUTH_SECOND_FACTOR_REQUIRED", (await passwordOnly.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ownEndpoint)).StatusCode);

        var wrongCode = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Luozhuang#2026", code = "000000" == DemoAdmins.CodeFor(user) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal("AUTH_FAILED", (await wrongCode.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ownEndpoint)).StatusCode);

        var withCode = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Luozhuang#2026", code = DemoAdmins.CodeFor(user) });
        Assert.Equal(HttpStatusCode.NoContent, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ownEndpoint)).StatusCode);
    }

    [Fact]
    public async Task A_new_administrator_must_enrol_an_authenticator_before_any_session()
    {
        var sysadmin = await fixture.Factory.SignedInAsync("sysadmin");
        var secadmin = await fixture.Factory.SignedInAsync("secadmin");
        var created = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "audit.two", displayName = "第二审计管理员", password = "Luozhuang#2026" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await secadmin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "AuditAdmin" })).StatusCode);

        var client = fixture.Factory.Anonymous();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "audit.two", password = "Luozhuang#2026", code = "123456" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("AUTH_SECOND_FACTOR_NOT_ENROLLED", (await login.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task A_business_account_still_signs_in_with_its_password()
    {
        var client = fixture.Factory.Anonymous();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "czj", password = "Luozhuang#2026" });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
    }
}
