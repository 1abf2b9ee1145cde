using System.Security.Cryptography;
using System.Text;
using Decoupling.Domain.Identity;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Authorization;

namespace Decoupling.Host.Observability;

/// <summary>Decides <see cref="MetricsScrapeRequirement"/>; the token is compared in constant time.</summary>
public sealed class MetricsScrapeHandler(IConfiguration configuration) : AuthorizationHandler<MetricsScrapeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        if (Policies.IsAdministrator(context.User, PlatformRoles.SystemAdmin))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var token = configuration["Metrics:ScrapeToken"];
        if (!string.IsNullOrEmpty(token) && token.Length >= 16 && context.Resource is HttpContext http
            && http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..]), Encoding.UTF8.GetBytes(token)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
