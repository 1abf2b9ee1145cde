using System.Net;

namespace Decoupling.Host.Tests.Api;

/// <summary>Pages and API answers carry the headers that keep injected markup inert and other sites from framing the platform.</summary>
public sealed class SecurityHeadersTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/tasks")]
    [InlineData("/designer/index.html")]
    public async Task Every_answer_forbids_inline_script_sniffing_and_foreign_framing(string path)
    {
        var client = await fixture.Factory.SignedInAsync("leading");
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
