using Decoupling.Domain.Identity;

namespace Decoupling.Host.Security;

/// <summary>Authorization policies by role; data scoping by department is done by each endpoint on top of these.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Designers = "Designers";
    public const string Administrators = "Administrators";

    public static IServiceCollection AddPlatformPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Designers, p => p.RequireRole(PlatformRoles.LeadingGroup, PlatformRoles.Admin))
            .AddPolicy(Administrators, p => p.RequireRole(PlatformRoles.Admin))
            .Services;
}
