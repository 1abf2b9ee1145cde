using System.Security.Claims;
using Decoupling.Application.Infrastructure;
using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.People;

/// <summary>Resolves who acts, once per request or circuit: the same mapping for the API, the pages and the jobs.</summary>
public sealed class ActorResolver(IServiceScopeFactory scopes)
{
    public async Task<CaseActor?> ByUserNameAsync(string? userName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        await using var scope = UseCaseScope.Open(scopes, null);
        var accounts = scope.Get<UserManager<PlatformUser>>();
        var account = await accounts.FindByNameAsync(userName);
        if (account is null)
        {
            return null;
        }

        var roles = (await accounts.GetRolesAsync(account)).ToList();
        var db = scope.Db;
        var department = account.DepartmentId is { } d ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, cancellationToken) : null;
        var association = account.AssociationId is { } a ? await db.Associations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a, cancellationToken) : null;
        return new CaseActor(account, department, association, roles, CaseActor.ActorOf(account, department?.Code, roles));
    }

    /// <summary>The signed-in user of a request; an authenticated principal whose account is gone is refused.</summary>
    public async Task<CaseActor> ForAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        await ByUserNameAsync(principal.Identity?.IsAuthenticated == true ? principal.Identity.Name : null, cancellationToken)
        ?? throw new Decoupling.Engine.Services.EngineException(Decoupling.Engine.Errors.EngineErrors.TaskForbidden);
}
