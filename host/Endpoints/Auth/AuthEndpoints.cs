using Decoupling.Domain.Identity;
using Decoupling.Application.People;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Endpoints.Auth;

/// <summary>
/// Sign-in for API clients: the same Identity cookie as the UI. The cookie is SameSite=Strict, which is what protects
/// these JSON endpoints from cross-site requests (forms of other sites cannot send it); the UI's own forms carry antiforgery tokens.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("登录");

        group.MapPost("/login", async (LoginRequest body, SignInManager<PlatformUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(body.UserName ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return Results.NoContent();
            }

            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: result.IsLockedOut ? "AUTH_LOCKED_OUT" : "AUTH_FAILED",
                detail: result.IsLockedOut ? "登录失败次数过多，账号已暂时锁定，请稍后再试。" : "用户名或密码不正确。",
                extensions: new Dictionary<string, object?> { ["code"] = result.IsLockedOut ? "AUTH_LOCKED_OUT" : "AUTH_FAILED" });
        }).AllowAnonymous();

        group.MapPost("/logout", async (HttpContext http, SignInManager<PlatformUser> signIn) =>
        {
            await SessionEnd.SignOutEverywhereAsync(http, signIn);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn);

        group.MapGet("/me", async (HttpContext http, ActorResolver actors) =>
        {
            var actor = await actors.ByUserNameAsync(http.User.Identity?.Name);
            if (actor is null)
            {
                return Results.Unauthorized();
            }

            var account = actor.Account;
            return Results.Ok(new { userName = account.UserName, displayName = account.DisplayName, departmentId = account.DepartmentId, associationId = account.AssociationId, roles = actor.Roles, groups = actor.Actor.Groups });
        }).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }

    public sealed record LoginRequest(string? UserName, string? Password);
}
