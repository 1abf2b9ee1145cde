using Decoupling.Domain.Identity;

namespace Decoupling.Host.Security;

/// <summary>
/// Authorization policies by role; data scoping by department is done by each endpoint on top of these. The three
/// administrators' policies (三员分立) also ask for a session signed in with the second factor ("amr" = "mfa"), so an
/// administrator's password alone opens none of them.
/// </summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";

    /// <summary>The leading-group office: flows, the register.</summary>
    public const string Designers = "Designers";

    /// <summary>The routing table: the leading group's business data and the system administrator's configuration.</summary>
    public const string Configurators = "Configurators";

    /// <summary>Background jobs' runs: the leading group follows them, the system administrator runs them.</summary>
    public const string JobWatchers = "JobWatchers";

    /// <summary>系统管理员: accounts, calendar, jobs, incidents and repairs, metrics.</summary>
    public const string SystemAdministrators = "SystemAdministrators";

    /// <summary>安全管理员: roles and units of accounts, locking, second factors, the password and session policy.</summary>
    public const string SecurityAdministrators = "SecurityAdministrators";

    /// <summary>审计管理员: the audit trail, and nothing else.</summary>
    public const string AuditAdministrators = "AuditAdministrators";

    /// <summary>The account list: the system administrator opens accounts, the security administrator assigns them.</summary>
    public const string AccountAdministrators = "AccountAdministrators";

    public const string SecondFactorClaim = "amr";
    public const string SecondFactorValue = "mfa";

    public static IServiceCollection AddPlatformPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Designers, p => p.RequireRole(PlatformRoles.LeadingGroup))
            .AddPolicy(Configurators, p => p.RequireAssertion(c => c.User.IsInRole(PlatformRoles.LeadingGroup) || IsAdministrator(c.User, PlatformRoles.SystemAdmin)))
            .AddPolicy(JobWatchers, p => p.RequireAssertion(c => c.User.IsInRole(PlatformRoles.LeadingGroup) || IsAdministrator(c.User, PlatformRoles.SystemAdmin)))
            .AddPolicy(SystemAdministrators, p => p.RequireRole(PlatformRoles.SystemAdmin).RequireClaim(SecondFactorClaim, SecondFactorValue))
            .AddPolicy(SecurityAdministrators, p => p.RequireRole(PlatformRoles.SecurityAdmin).RequireClaim(SecondFactorClaim, SecondFactorValue))
            .AddPolicy(AuditAdministrators, p => p.RequireRole(PlatformRoles.AuditAdmin).RequireClaim(SecondFactorClaim, SecondFactorValue))
            .AddPolicy(AccountAdministrators, p => p.RequireAssertion(c =>
                IsAdministrator(c.User, PlatformRoles.SystemAdmin) || IsAdministrator(c.User, PlatformRoles.SecurityAdmin)))
            .Services;

    /// <summary>In the administrator's role and signed in with the second factor.</summary>
    public static bool IsAdministrator(System.Security.Claims.ClaimsPrincipal user, string role) =>
        user.IsInRole(role) && user.HasClaim(SecondFactorClaim, SecondFactorValue);
}
