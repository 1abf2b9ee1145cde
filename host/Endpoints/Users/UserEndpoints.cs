using Decoupling.Domain.Identity;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Endpoints.Users;

/// <summary>User administration: administrators only.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/users").RequireAuthorization(Policies.Administrators).WithTags("用户");
        admin.MapGet("/", async (UserManager<PlatformUser> users) =>
            await users.Users.AsNoTracking().OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.DepartmentId, u.AssociationId, Locked = u.LockoutEnd > DateTimeOffset.UtcNow })
                .ToListAsync());

        admin.MapPost("/", async (NewUser body, UserManager<PlatformUser> users) =>
        {
            if (!PlatformRoles.All.Contains(body.Role))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["角色不存在"] });
            }

            var account = new PlatformUser { UserName = body.UserName, DisplayName = body.DisplayName ?? body.UserName, DepartmentId = body.DepartmentId, AssociationId = body.AssociationId };
            var created = await users.CreateAsync(account, body.Password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(account, body.Role);
            }

            return created.Succeeded
                ? Results.Created($"/api/users/{account.Id}", new { account.Id, account.UserName })
                : Results.ValidationProblem(created.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        });

        admin.MapPost("/{id}/lock", async (string id, bool locked, UserManager<PlatformUser> users) =>
        {
            var account = await users.FindByIdAsync(id);
            if (account is null)
            {
                return Results.NotFound();
            }

            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null);
            await users.UpdateSecurityStampAsync(account);
            return Results.NoContent();
        });
        return endpoints;
    }

    public sealed record NewUser(string UserName, string? DisplayName, string Password, string Role, Guid? DepartmentId, Guid? AssociationId);
}
