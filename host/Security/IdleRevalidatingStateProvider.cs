using System.Security.Claims;
using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Security;

/// <summary>
/// A Blazor circuit keeps the user it started with; this checks it again every 30 seconds: a circuit idle longer than
/// the policy allows, or whose account was locked or changed (security stamp), becomes anonymous, and the page goes to
/// the sign-in form (through <c>/account/idle</c>, which also ends the cookie session).
/// </summary>
public sealed class IdleRevalidatingStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, CircuitActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        StillValidAsync(state, cancellationToken);

    /// <summary>The check every 30 seconds: false ends the circuit's signed-in state.</summary>
    internal async Task<bool> StillValidAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var policy = await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>().GetAsync(cancellationToken);
        if (activity.IdleFor > TimeSpan.FromMinutes(policy.IdleTimeoutMinutes))
        {
            activity.EndedForIdleness = true;
            return false;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
