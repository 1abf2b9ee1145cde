using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Decoupling.Domain.Identity;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// Signing in with a user name that does not exist does the same work and gives the same answer as a wrong password,
/// so neither the answer nor its time tells an outsider which user names exist.
/// </summary>
public sealed class SignInEnumerationTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task An_unknown_user_name_costs_a_password_check_and_answers_like_a_wrong_password()
    {
        var hasher = new CountingPasswordHasher();
        using var factory = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<PlatformUser>>(hasher)));
        var client = factory.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody.here", password = "Luozhuang#2026" });
        Assert.Equal(1, hasher.Verifications);

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "bb", password = "Wrong#Password1" });
        Assert.Equal(2, hasher.Verifications);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        var a = await wrong.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var b = await unknown.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        foreach (var field in new[] { "title", "detail", "code", "status" })
        {
            Assert.Equal(a![field]!.ToJsonString(), b![field]!.ToJsonString());
        }
    }
}
