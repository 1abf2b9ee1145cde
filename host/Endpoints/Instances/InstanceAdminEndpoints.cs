using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>
/// Starting, reading and repairing instances. Start: supervisory units (for their own associations), the leading group
/// and administrators. Read: the leading group and administrators, or anyone involved in the case. Cancel: the starter
/// or an administrator (the engine checks). Incidents, variables and migration: administrators.
/// </summary>
public static class InstanceAdminEndpoints
{
    public static IEndpointRouteBuilder MapInstanceAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var instances = endpoints.MapGroup("/api/instances").RequireAuthorization(Policies.SignedIn).WithTags("流程实例");

        instances.MapPost("/", async (InstanceRequests.Start body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
        {
            var actor = await CurrentActor.ForAsync(http.User, users, db);
            var leadership = http.User.IsInRole(PlatformRoles.LeadingGroup);
            if (!leadership)
            {
                if (!http.User.IsInRole(PlatformRoles.SupervisoryUnit))
                {
                    return Results.Forbid();
                }

                // a supervisory unit starts cases only for the associations it supervises
                var account = await users.GetUserAsync(http.User);
                var association = Guid.TryParse(body.BusinessKey, out var id) ? await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) : null;
                if (association is null || association.SupervisoryUnitId != account!.DepartmentId)
                {
                    return Results.NotFound();
                }
            }

            var instance = await engine.StartAsync(body.Key, body.BusinessKey, body.Variables, actor, body.Version);
            return Results.Created($"/api/instances/{instance.Id}", new { instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, State = instance.State.ToString() });
        });

        instances.MapGet("/{id:guid}", (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            InstanceAccess.OnVisibleAsync(id, http, engine, users, db, async instance => Results.Ok(new
            {
                instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, State = instance.State.ToString(),
                instance.StartedBy, instance.StartedAt, instance.EndedAt, instance.ParentInstanceId,
                Variables = await engine.GetVariablesAsync(id),
            })));

        instances.MapGet("/{id:guid}/journal", (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            InstanceAccess.OnVisibleAsync(id, http, engine, users, db, async instance => Results.Ok(await engine.GetJournalAsync(instance.RootInstanceId))));

        instances.MapPost("/{id:guid}/cancel", (Guid id, InstanceRequests.Cancel body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            InstanceAccess.OnVisibleAsync(id, http, engine, users, db, async _ =>
            {
                await engine.CancelInstanceAsync(id, await CurrentActor.ForAsync(http.User, users, db), body.Reason);
                return Results.NoContent();
            }));

        var admin = endpoints.MapGroup("/api").RequireAuthorization(Policies.SystemAdministrators).WithTags("运维");
        admin.MapGet("/incidents", async (WorkflowEngine engine) => await engine.OpenIncidentsAsync());
        admin.MapPost("/incidents/{id:guid}/retry", async (Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
        {
            await engine.RetryIncidentAsync(id, await CurrentActor.ForAsync(http.User, users, db));
            return Results.NoContent();
        });
        admin.MapPost("/instances/{id:guid}/variables", async (Guid id, InstanceRequests.Variables body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
        {
            await engine.SetVariablesAsync(id, body.Values, await CurrentActor.ForAsync(http.User, users, db), body.Comment);
            return Results.NoContent();
        });
        admin.MapPost("/instances/{id:guid}/migrate", async (Guid id, InstanceRequests.Migrate body, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db) =>
            Results.Ok(await engine.Migration.MigrateAsync(id, body.TargetDefinitionId, body.Mapping, await CurrentActor.ForAsync(http.User, users, db), body.DryRun)));
        return endpoints;
    }
}
