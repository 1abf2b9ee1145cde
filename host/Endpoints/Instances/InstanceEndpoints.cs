using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>
/// The instance viewer's data. Signed-in users; the leading group and administrators see every instance, others only
/// instances they started or took part in (a 404 otherwise, so another department's case is not even confirmed to exist).
/// </summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/instances/{id:guid}/diagram", async (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
        {
            var instance = await engine.GetInstanceAsync(id);
            if (instance is null)
            {
                return Results.NotFound();
            }

            if (!await InstanceAccess.MaySeeAsync(instance, http, engine, users, db))
            {
                return Results.NotFound();
            }

            var diagram = await engine.GetDiagramAsync(id);
            return Results.Ok(new
            {
                xml = diagram.Xml,
                completed = diagram.Completed,
                active = diagram.Active,
                overdue = diagram.Overdue,
                incidents = diagram.Incidents.Select(i => new { elementId = i.ElementId, code = i.Code, message = i.Message }),
            });
        }).RequireAuthorization(Policies.SignedIn).WithTags("流程实例");
        return endpoints;
    }
}
