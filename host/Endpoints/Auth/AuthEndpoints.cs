using Decoupling.Domain.Identity;
using Decoupling.Application.People;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Endpoints.Auth;

/// <summary>
/// Sign-in for API clients: the same Identity cookie as the UI; administrators add their authenticator's code. The cookie is SameSite=Strict, which is what protects
/// these JSON endpoints from cross-site requests (forms of other sites cannot send it); the UI's own forms carry antiforgery tokens.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("登录");

        group.MapPost("/login", async (LoginRequest body, PlatformSignInManager signIn) =>
        {
            // an administrator's password alone opens nothing: the authenticator's code comes in the same request
            var result = await signIn.SignInWithCodeAsync(body.UserName ?? "", body.Password ?? "", body.Code);
            if (result.Succeeded)
            {
                return Results.NoContent();
            }

            var (code, detail) = result switch
            {
                EnrolmentRequired => ("AUTH_SECOND_FACTOR_NOT_ENROLLED", "管理员账号须先在浏览器登录并绑定动态验证码（手机验证器），之后登录时填写 code。"),
                { IsLockedOut: true } => ("AUTH_LOCKED_OUT", "登录失败次数过多，账号已暂时锁定，请稍后再试。"),
                { RequiresTwoFactor: true } => ("AUTH_SECOND_FACTOR_REQUIRED", "管理员账号须同时填写动态验证码（code，6 位数字）。"),
                _ => ("AUTH_FAILED", body.Code is null ? "用户名或密码不正确。" : "用户名、密码或动态验证码不正确。"),
            };
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: code, detail: detail,
                extensions: new Dictionary<string, object?> { ["code"] = code });
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

    /// <param name="Code">the authenticator's 6-digit code; required for the three administrators</param>
    public sealed record LoginRequest(string? UserName, string? Password, string? Code = null);
}
