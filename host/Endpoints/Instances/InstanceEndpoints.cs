using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>
/// The instance viewer's data. Signed-in users who may see the case (its parties, the leading group); a 404 otherwise,
/// so another department's case is not even confirmed to exist.
/// </summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/instances/{id:guid}/diagram", async (Guid id, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
        {
            await InstanceAdminEndpoints.VisibleAsync(id, http, actors, engine);
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
