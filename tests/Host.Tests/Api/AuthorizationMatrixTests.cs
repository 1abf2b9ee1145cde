using System.Net;
using Decoupling.Domain.Identity;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Decoupling.Host.Tests.Api;

/// <summary>
/// Every API endpoint × every role, generated from the endpoint list and each endpoint's declared policy: a role the
/// policy does not admit gets 403, a role it admits never does. A new endpoint joins the matrix by itself; one without
/// a policy fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    /// <summary>The demo user of each role (seed/users.json).</summary>
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        [PlatformRoles.SystemAdmin] = "sysadmin",
        [PlatformRoles.SecurityAdmin] = "secadmin",
        [PlatformRoles.AuditAdmin] = "auditadmin",
        [PlatformRoles.LeadingGroup] = "leading",
        [PlatformRoles.SupervisoryUnit] = "jxj",
        [PlatformRoles.Reviewer] = "czj",
        [PlatformRoles.Auditor] = "auditor",
        [PlatformRoles.AssociationStaff] = "assoc.ceramics",
        [PlatformRoles.Evaluator] = "evaluator",
        [PlatformRoles.RegistrationOfficer] = "registrar",
    };

    private static readonly Dictionary<string, string[]> RolesOfPolicy = new()
    {
        [Policies.SignedIn] = [.. UserOfRole.Keys],
        [Policies.Designers] = [PlatformRoles.LeadingGroup],
        [Policies.Configurators] = [PlatformRoles.LeadingGroup, PlatformRoles.SystemAdmin],
        [Policies.JobWatchers] = [PlatformRoles.LeadingGroup, PlatformRoles.SystemAdmin],
        [Policies.SystemAdministrators] = [PlatformRoles.SystemAdmin],
        [Policies.SecurityAdministrators] = [PlatformRoles.SecurityAdmin],
        [Policies.AuditAdministrators] = [PlatformRoles.AuditAdmin],
        [Policies.AccountAdministrators] = [PlatformRoles.SystemAdmin, PlatformRoles.SecurityAdmin],
    };

    // operations that change the seeded data for everyone are probed by GET/OPTIONS-free requests only when harmless;
    // these would log the probing user out or lock someone
    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal) { "/api/auth/logout", "/api/auth/login", "/api/users/{id}/lock" };

    /// <summary>The demo user of each role, for the other tests of the three administrators.</summary>
    public static IReadOnlyDictionary<string, string> DemoUserOfRole => UserOfRole;

    [Fact]
    public async Task Each_role_reaches_exactly_the_endpoints_its_policy_admits()
    {
        var factory = fixture.Factory;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal) && !Skip.Contains(raw))
            .ToList();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (role, user) in UserOfRole)
        {
            clients[role] = await factory.SignedInAsync(user);
        }

        var failures = new List<string>();
        var cells = 0;
        foreach (var endpoint in endpoints)
        {
            var policies = endpoint.Metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policies.Count == 0)
            {
                failures.Add($"{endpoint.RoutePattern.RawText} declares no policy");
                continue;
            }

            // nested groups stack policies: a role must satisfy all of them
            var admitted = UserOfRole.Keys.Where(role => policies.All(p => RolesOfPolicy[p].Contains(role))).ToHashSet();
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, "{[^}]+}", m => m.Value.Contains("key", StringComparison.Ordinal) ? "item-review" : Guid.NewGuid().ToString());
            foreach (var method in endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods))
            {
                foreach (var (role, client) in clients)
                {
                    // the body is deliberately empty: authorization runs before binding, so a refused role sees 403, an admitted one 400/404/422/200
                    var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
                    {
                        Content = method is "GET" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
                    });
                    cells++;
                    var forbidden = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
                    if (admitted.Contains(role) == forbidden && !(admitted.Contains(role) && IsDataScopedRefusal(endpoint, response)))
                    {
                        failures.Add($"{method} {endpoint.RoutePattern.RawText} as {role}: {(int)response.StatusCode}, expected {(admitted.Contains(role) ? "admitted" : "403")}");
                    }
                }
            }
        }

        Assert.True(cells > 100, $"only {cells} cells");
        Assert.Empty(failures);
    }

    /// <summary>
    /// The engine operator's endpoints (incidents, retry, variable repair, migration) are mapped and admit the system
    /// administrator alone: the matrix above would pass just as well if they were gone or moved under another policy.
    /// Reaching them is not acting in a case; the access policy still refuses the administrator every task (TaskApiTests).
    /// </summary>
    [Fact]
    public async Task The_engine_operators_endpoints_admit_the_system_administrator_alone()
    {
        var factory = fixture.Factory;
        var operatorEndpoints = new[]
        {
            ("GET", "/api/incidents"), ("POST", "/api/incidents/{id:guid}/retry"),
            ("POST", "/api/instances/{id:guid}/variables"), ("POST", "/api/instances/{id:guid}/migrate"),
        };
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var (method, pattern) in operatorEndpoints)
        {
            var endpoint = Assert.Single(endpoints, e => e.RoutePattern.RawText == pattern && e.Metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Contains(method)));
            Assert.Equal([Policies.SystemAdministrators], endpoint.Metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct());
        }

        var sysadmin = await factory.SignedInAsync("sysadmin");
        var leading = await factory.SignedInAsync("leading");
        var missing = Guid.NewGuid();
        foreach (var (method, path, body) in new (string, string, object?)[]
        {
            ("GET", "/api/incidents", null),
            ("POST", $"/api/incidents/{missing}/retry", null),
            ("POST", $"/api/instances/{missing}/variables", new { values = new { note = "修复" }, comment = "运维修复" }),
            ("POST", $"/api/instances/{missing}/migrate", new { targetDefinitionId = Guid.NewGuid(), dryRun = true }),
        })
        {
            HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            var reached = await sysadmin.SendAsync(Request());
            Assert.True(method == "GET" ? reached.StatusCode == HttpStatusCode.OK : reached.StatusCode == HttpStatusCode.NotFound,
                $"sysadmin {method} {path}: {(int)reached.StatusCode} {await reached.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.Forbidden, (await leading.SendAsync(Request())).StatusCode);
        }
    }

    /// <summary>Some admitted calls are refused by data scope (e.g. a reviewer exporting the register): a 403 there is right.</summary>
    private static bool IsDataScopedRefusal(RouteEndpoint endpoint, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && endpoint.RoutePattern.RawText is "/api/register/export" or "/api/instances/" or "/api/instances"
            or "/api/associations/{associationId:guid}/checklist/" or "/api/associations/{associationId:guid}/checklist"
            // publishing and 催阅 are the office's; every signed-in role reaches the endpoint and the board refuses the rest
            or "/api/publications/" or "/api/publications" or "/api/publications/{id:guid}/remind";
}
