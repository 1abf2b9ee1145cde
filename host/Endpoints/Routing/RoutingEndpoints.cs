using Decoupling.Domain.Persistence;
using Decoupling.Domain.Routing;
using Decoupling.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Routing;

/// <summary>The review routing table: read by any signed-in user, replaced by the leading group or the system administrator.</summary>
public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var routing = endpoints.MapGroup("/api/routing").RequireAuthorization(Policies.SignedIn).WithTags("审核路由");
        routing.MapGet("/", async (PlatformDbContext db) => await db.RoutingRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync());
        routing.MapPut("/", async (List<RoutingRule> rules, RoutingService service) =>
        {
            await service.ReplaceTableAsync(rules);
            return Results.NoContent();
        }).RequireAuthorization(Policies.Configurators);
        return endpoints;
    }
}
