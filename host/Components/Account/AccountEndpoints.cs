using Microsoft.AspNetCore.Antiforgery;
using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Components.Account;

/// <summary>Sign-out for the UI: a form post with an antiforgery token (the layout's button), then back to the sign-in page.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<PlatformUser> signIn) =>
        {
            // minimal APIs check the token only when they bind a form; this one binds nothing, so check it here:
            // otherwise any page could end a civil servant's session
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(title: "页面已过期，请刷新后再退出。", statusCode: StatusCodes.Status400BadRequest);
            }

            await Security.SessionEnd.SignOutEverywhereAsync(http, signIn);
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }
}
