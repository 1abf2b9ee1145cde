using System.Net;
using Microsoft.AspNetCore.Routing;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// Every endpoint the host maps, found from its endpoint list (so a new endpoint cannot be forgotten), refuses an
/// anonymous request — except the few that are public by design.
/// </summary>
public sealed class EndpointAuthorizationSweepTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "/healthz", "/openapi/{documentName}.json", "/api/auth/login", "/account/login",
    };

    [Fact]
    public async Task Every_api_endpoint_refuses_an_anonymous_caller()
    {
        var factory = fixture.Factory;
        var client = factory.Anonymous();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/account", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(endpoints);
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (Public.Contains(pattern))
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", m => m.Value.Contains(":guid", StringComparison.Ordinal) || m.Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "x");
            foreach (var method in endpoint.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().SelectMany(m => m.HttpMethods).DefaultIfEmpty("GET"))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Found,
                    $"{method} {pattern} answered {(int)response.StatusCode} to an anonymous caller");
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 8, $"only {checkedCount} endpoints were checked");
    }
}
