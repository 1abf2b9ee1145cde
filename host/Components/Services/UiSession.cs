using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Engine.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// Resolves the signed-in user once per circuit. Data access goes through a fresh scope per call (<see cref="RunAsync{T}"/>),
/// because a circuit lives for hours and one long-lived DbContext would serve stale data.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    private UiUser? user;

    public async Task<UiUser?> UserAsync()
    {
        if (user is not null)
        {
            return user;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var name = state.User.Identity?.IsAuthenticated == true ? state.User.Identity.Name : null;
        if (name is null)
        {
            return null;
        }

        user = await RunAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserManager<PlatformUser>>();
            var db = services.GetRequiredService<PlatformDbContext>();
            var account = await accounts.FindByNameAsync(name);
            if (account is null)
            {
                return null;
            }

            var roles = (await accounts.GetRolesAsync(account)).ToList();
            var department = account.DepartmentId is { } d ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d) : null;
            var association = account.AssociationId is { } a ? await db.Associations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a) : null;
            return new UiUser(account, department, association, roles, ActorOf(account, department?.Code, roles));
        });
        return user;
    }

    /// <summary>The engine actor of a user: departments and roles become candidate groups ("dept:czj", "role:Reviewer").</summary>
    public static Actor ActorOf(PlatformUser account, string? departmentCode, IReadOnlyCollection<string> roles)
    {
        var groups = new List<string>();
        if (departmentCode is not null)
        {
            groups.Add("dept:" + departmentCode);
        }

        groups.AddRange(roles.Select(r => "role:" + r));
        if (account.AssociationId is { } association)
        {
            groups.Add("assoc:" + association);
        }

        return new Actor(account.UserName!, groups, IsAdmin: roles.Contains(PlatformRoles.SystemAdmin));
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (user is not null)
        {
            // a circuit has no HttpContext: the audit log learns who acts from here
            scope.ServiceProvider.GetRequiredService<Setup.ScopedAuditActor>().Override = user.Account.UserName;
        }

        return await work(scope.ServiceProvider);
    }
}
