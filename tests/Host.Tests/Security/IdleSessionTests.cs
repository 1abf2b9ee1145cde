using System.Net;
using Decoupling.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Decoupling.Host.Tests.Security;

/// <summary>Every session ends after the policy's idle time; each request moves the end further.</summary>
public sealed class IdleSessionTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_session_idle_longer_than_the_policy_ends_and_an_active_one_does_not()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = await SignInAsync(factory, "leading");

        // active: a request every 20 minutes keeps the session for an hour
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        }

        // idle: 31 minutes without a request ends it (default policy: 30)
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_shorter_idle_time_set_by_the_security_administrator_applies_to_open_sessions()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var reviewer = await SignInAsync(factory, "czj");
        var secadmin = await SignInAsync(factory, "secadmin");
        try
        {
            var set = await secadmin.PutAsJsonAsync("/api/security/policy", new { idleTimeoutMinutes = 5, passwordMinLength = 10, maxFailedAccessAttempts = 5, lockoutMinutes = 15 });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/auth/me")).StatusCode);

            // the security administrator keeps working every 3 minutes; the reviewer stops
            clock.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(HttpStatusCode.OK, (await secadmin.GetAsync("/api/security/policy")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(HttpStatusCode.OK, (await secadmin.GetAsync("/api/security/policy")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.GetAsync("/api/auth/me")).StatusCode);

            var refused = await secadmin.PutAsJsonAsync("/api/security/policy", new { idleTimeoutMinutes = 0, passwordMinLength = 4, maxFailedAccessAttempts = 5, lockoutMinutes = 15 });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("会话空闲超时（分钟）", text, StringComparison.Ordinal);
            Assert.Contains("密码最短长度", text, StringComparison.Ordinal);
        }
        finally
        {
            await secadmin.PutAsJsonAsync("/api/security/policy", new { idleTimeoutMinutes = 30, passwordMinLength = 10, maxFailedAccessAttempts = 5, lockoutMinutes = 15 });
        }
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Luozhuang#2026", code = DemoAdmins.CodeFor(user) });
        response.EnsureSuccessStatusCode();
        return client;
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
