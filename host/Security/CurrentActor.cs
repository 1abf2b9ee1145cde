using System.Security.Claims;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine.Services;
using Decoupling.Host.Components.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Decoupling.Engine.Errors;

namespace Decoupling.Host.Security;

/// <summary>The engine actor of an API request's user (same mapping as the UI: <see cref="UiSession.ActorOf"/>).</summary>
public static class CurrentActor
{
    public static async Task<Actor> ForAsync(ClaimsPrincipal principal, UserManager<PlatformUser> users, PlatformDbContext db)
    {
        var account = await users.GetUserAsync(principal) ?? throw new EngineException(EngineErrors.TaskForbidden);
        var roles = await users.GetRolesAsync(account);
        var code = account.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Code).FirstOrDefaultAsync() : null;
        return UiSession.ActorOf(account, code, [.. roles]);
    }
}
