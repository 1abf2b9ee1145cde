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

        // js/session.js pings this while the person is using a page, so the idle timeout counts from their last
        // action, not from the last full page load; the cookie handler renews the session on the way (IdleSessions)
        endpoints.MapPost("/account/keepalive", () => Results.NoContent()).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();

        // where a circuit ended for idleness sends the browser: the cookie session ends too, then the sign-in form says why
        endpoints.MapGet("/account/idle", async (SignInManager<PlatformUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?expired=idle");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
