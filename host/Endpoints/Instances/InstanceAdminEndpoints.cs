using Decoupling.Application.Cases;
using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>
/// Starting, reading and repairing instances. Start: whoever the process's candidate starters name, for a subject they
/// may act for (the application layer reads the case's facts from the register). Read: whoever may see the case (its
/// parties and the leading group). Cancel: the starter (the engine checks). Incidents, variables and migration: administrators.
/// </summary>
public static class InstanceAdminEndpoints
{
    public static IEndpointRouteBuilder MapInstanceAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var instances = endpoints.MapGroup("/api/instances").RequireAuthorization(Policies.SignedIn).WithTags("流程实例");

        instances.MapPost("/", async (InstanceRequests.Start body, HttpContext http, ActorResolver actors, CaseStarter starter) =>
        {
            var instance = await starter.StartAsync(await actors.ForAsync(http.User), body.Key, body.BusinessKey, body.Variables, version: body.Version);
            return Results.Created($"/api/instances/{instance.Id}", new { instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, State = instance.State.ToString() });
        });

        instances.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
        {
            var instance = await VisibleAsync(id, http, actors, engine);
            return Results.Ok(new
            {
                instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, State = instance.State.ToString(),
                instance.StartedBy, instance.StartedAt, instance.EndedAt, instance.ParentInstanceId,
                Variables = await engine.GetVariablesAsync(id),
            });
        });

        instances.MapGet("/{id:guid}/journal", async (Guid id, HttpContext http, ActorResolver actors, CaseQueries cases) =>
            Results.Ok(await cases.TimelineOfCaseAsync(await actors.ForAsync(http.User), id)));

        instances.MapPost("/{id:guid}/cancel", async (Guid id, InstanceRequests.Cancel body, HttpContext http, ActorResolver actors, CaseTermination cases) =>
        {
            await cases.CancelAsync(await actors.ForAsync(http.User), id, body.Reason);
            return Results.NoContent();
        });

        var admin = endpoints.MapGroup("/api").RequireAuthorization(Policies.SystemAdministrators).WithTags("运维");
        admin.MapGet("/incidents", async (WorkflowEngine engine) => await engine.OpenIncidentsAsync());
        admin.MapPost("/incidents/{id:guid}/retry", async (Guid id, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
        {
            await engine.RetryIncidentAsync(id, (await actors.ForAsync(http.User)).Actor);
            return Results.NoContent();
        });
        admin.MapPost("/instances/{id:guid}/variables", async (Guid id, InstanceRequests.Variables body, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
        {
            await engine.SetVariablesAsync(id, body.Values, (await actors.ForAsync(http.User)).Actor, body.Comment);
            return Results.NoContent();
        });
        admin.MapPost("/instances/{id:guid}/migrate", async (Guid id, InstanceRequests.Migrate body, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
            Results.Ok(await engine.Migration.MigrateAsync(id, body.TargetDefinitionId, body.Mapping, (await actors.ForAsync(http.User)).Actor, body.DryRun)));
        return endpoints;
    }

    /// <summary>The instance if the caller may see its case; otherwise 404, exactly as for one that does not exist.</summary>
    public static async Task<Engine.Entities.ProcessInstance> VisibleAsync(Guid id, HttpContext http, ActorResolver actors, WorkflowEngine engine)
    {
        var actor = await actors.ForAsync(http.User);
        return await engine.MaySeeInstanceAsync(id, actor.Actor) && await engine.GetInstanceAsync(id) is { } instance
            ? instance
            : throw new AppException(AppErrors.InstanceNotVisible, id);
    }
}
