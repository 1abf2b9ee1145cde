using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Components.Account;

/// <summary>Sign-out for the UI: a form post with an antiforgery token (the layout's button), then back to the sign-in page.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<PlatformUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }
}
