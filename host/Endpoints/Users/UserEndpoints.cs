using Decoupling.Domain;
using Decoupling.Domain.Common;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Resources;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Users;

/// <summary>
/// Accounts under 三员分立. The system administrator opens accounts (no role); the security administrator assigns the
/// one role and unit, locks and unlocks, resets a lost second factor; both see the list. The rules are AccountService's.
/// </summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users").WithTags("用户");
        users.MapGet("/", (AccountService accounts) => accounts.ListAsync()).RequireAuthorization(Policies.AccountAdministrators);

        users.MapPost("/", async (NewUser body, AccountService accounts) =>
        {
            if (!string.IsNullOrEmpty(body.Role))
            {
                throw new DomainValidationException([new FieldError("role", DomainErrorCodes.AccountCreateRoleRefused, DomainText.Get(DomainErrorCodes.AccountCreateRoleRefused))]);
            }

            var account = await accounts.CreateAsync(new NewAccount(body.UserName, body.DisplayName, body.Password));
            return Results.Created($"/api/users/{account.Id}", new { account.Id, account.UserName });
        }).RequireAuthorization(Policies.SystemAdministrators);

        users.MapPut("/{id}/role", async (string id, RoleAssignment body, HttpContext http, AccountService accounts) =>
        {
            var account = await accounts.AssignAsync(http.User.Identity!.Name!, id, body);
            return Results.Ok(new { account.Id, account.UserName, body.Role, account.DepartmentId, account.AssociationId });
        }).RequireAuthorization(Policies.SecurityAdministrators);

        users.MapPost("/{id}/lock", async (string id, bool locked, HttpContext http, AccountService accounts) =>
        {
            await accounts.SetLockedAsync(http.User.Identity!.Name!, id, locked);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SecurityAdministrators);

        users.MapPost("/{id}/reset-second-factor", async (string id, HttpContext http, AccountService accounts) =>
        {
            await accounts.ResetSecondFactorAsync(http.User.Identity!.Name!, id);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SecurityAdministrators);

        var security = endpoints.MapGroup("/api/security").RequireAuthorization(Policies.SecurityAdministrators).WithTags("安全策略");
        security.MapGet("/policy", (SecurityPolicyService policies) => policies.GetAsync());
        security.MapPut("/policy", (SecurityPolicyEdit body, HttpContext http, SecurityPolicyService policies) =>
            policies.UpdateAsync(body, http.User.Identity!.Name!));
        return endpoints;
    }

    public sealed record NewUser(string? UserName, string? DisplayName, string? Password, string? Role);
}
