using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Decoupling.Host.Security;

/// <summary>
/// Ends every session after the policy's idle time (default 30 minutes): the sign-in ticket expires that long after
/// its last renewal, and every request renews it (at most every 30 seconds, to spare the cookie writes). A browser
/// that shows a page without requests (a Blazor circuit) keeps the session through <c>js/session.js</c>, which pings
/// <c>/account/keepalive</c> only while the person is actually using the page; <see cref="IdleCircuitGuard"/> ends the
/// circuit itself when it has been idle as long.
/// </summary>
public static class IdleSessions
{
    private static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(30);

    /// <summary>Runs after Identity's own check (the security stamp), which may already have rejected the principal.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> identityCheck)
    {
        // the ticket's issue time is the session's last renewal, i.e. its last activity; Identity's check may move it
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var lastActivity = context.Properties.IssuedUtc ?? now;
        await identityCheck(context);
        if (context.Principal is null)
        {
            return;
        }

        var policy = await context.HttpContext.RequestServices.GetRequiredService<SecurityPolicyService>().GetAsync();
        var idle = TimeSpan.FromMinutes(policy.IdleTimeoutMinutes);

        // a policy shortened since the last request applies at once
        if (now - lastActivity > idle)
        {
            context.RejectPrincipal();
            return;
        }

        if (context.ShouldRenew || now - lastActivity > RenewAfter)
        {
            // the renewal keeps the span between issue and expiry: make it the policy's, counted from now
            context.Properties.IssuedUtc = now;
            context.Properties.ExpiresUtc = now + idle;
            context.ShouldRenew = true;
        }
        else
        {
            context.Properties.ExpiresUtc = lastActivity + idle;
        }
    }

    /// <summary>At sign-in the ticket lives for the idle time, not the cookie handler's fixed span.</summary>
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        var policy = await context.HttpContext.RequestServices.GetRequiredService<SecurityPolicyService>().GetAsync();
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        context.Properties.IssuedUtc = now;
        context.Properties.ExpiresUtc = now + TimeSpan.FromMinutes(policy.IdleTimeoutMinutes);
    }
}
