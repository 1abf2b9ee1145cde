using Decoupling.Domain.Identity;
using Hangfire.Dashboard;

namespace Decoupling.Host.Jobs;

/// <summary>The Hangfire dashboard is for the system administrator and the leading-group office only.</summary>
public sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true
            && (Decoupling.Host.Security.Policies.IsAdministrator(user, PlatformRoles.SystemAdmin) || user.IsInRole(PlatformRoles.LeadingGroup));
    }
}
