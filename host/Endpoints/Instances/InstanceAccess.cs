using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Endpoints.Instances;

/// <summary>
/// Who may see an instance: the leading group and administrators; otherwise its starter and the people and departments
/// with a task in it. Everyone else gets a 404, as for an instance that does not exist.
/// </summary>
public static class InstanceAccess
{
    public static async Task<bool> MaySeeAsync(ProcessInstance instance, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db)
    {
        if (http.User.IsInRole(PlatformRoles.LeadingGroup) || http.User.IsInRole(PlatformRoles.SystemAdmin))
        {
            return true;
        }

        var actor = await CurrentActor.ForAsync(http.User, users, db);
        return CaseVisibility.MaySeeCase(instance, await engine.Tasks.OfInstanceAsync(instance.RootInstanceId), actor, leadership: false);
    }

    public static async Task<IResult> OnVisibleAsync(Guid id, HttpContext http, WorkflowEngine engine, UserManager<PlatformUser> users, PlatformDbContext db,
        Func<ProcessInstance, Task<IResult>> action)
    {
        var instance = await engine.GetInstanceAsync(id);
        return instance is null || !await MaySeeAsync(instance, http, engine, users, db) ? Results.NotFound() : await action(instance);
    }
}
