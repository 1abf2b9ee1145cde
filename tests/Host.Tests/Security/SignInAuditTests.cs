using System.Net;
using System.Text.Json.Nodes;

namespace Decoupling.Host.Tests.Security;

/// <summary>
/// Sign-ins leave a trace the audit administrator reads: each session opened, each failed attempt with its reason (an
/// unknown name, a wrong password, a wrong authenticator code), the name as typed.
/// </summary>
public sealed class SignInAuditTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly PlatformFactory platform = fixture.Factory;

    private async Task<long> LastSequenceAsync(HttpClient auditadmin)
    {
        long after = 0;
        while (true)
        {
            var page = (await auditadmin.GetFromJsonAsync<JsonArray>($"/api/audit?after={after}&take=1000"))!;
            if (page.Count == 0)
            {
                return after;
            }

            after = page[^1]!["sequence"]!.GetValue<long>();
        }
    }

    [Fact]
    public async Task Failed_attempts_and_sessions_are_in_the_audit_chain_with_their_reason()
    {
        var auditadmin = await platform.SignedInAsync("auditadmin");
        var before = await LastSequenceAsync(auditadmin);

        var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "nobody.here", password = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "czj", password = "wrong#Pass1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login",
            new { userName = "secadmin", password = "Luozhuang#2026", code = "000000" })).StatusCode);
        await platform.SignedInAsync("czj");

        var rows = (await auditadmin.GetFromJsonAsync<JsonArray>($"/api/audit?after={before}&take=1000"))!
            .Select(r => (Action: r!["action"]!.GetValue<string>(), Details: JsonNode.Parse(r["details"]!.GetValue<string>())!, Actor: r["actor"]!.GetValue<string>()))
            .Where(r => r.Action is "SignedIn" or "SignInFailed")
            .Select(r => (r.Action, User: r.Details["userName"]!.GetValue<string>(), Reason: r.Details["reason"]?.GetValue<string>(), r.Actor))
            .ToList();

        Assert.Contains(("SignInFailed", "nobody.here", (string?)"unknown-user", "anonymous"), rows);
        Assert.Contains(("SignInFailed", "czj", (string?)"password", "anonymous"), rows);
        Assert.Contains(("SignInFailed", "secadmin", (string?)"second-factor", "anonymous"), rows);
        Assert.Contains(("SignedIn", "czj", (string?)null, "czj"), rows);
        Assert.DoesNotContain(rows, r => r.Action == "SignedIn" && r.User is "nobody.here" or "secadmin");

        // the chain still verifies with the new rows in it
        Assert.True((await auditadmin.GetFromJsonAsync<JsonObject>("/api/audit/verify"))!["isIntact"]!.GetValue<bool>());
    }
}
