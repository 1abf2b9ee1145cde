using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Register;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Components.Services;

/// <summary>The signed-in person as the pages need them: account, unit, roles, and the engine actor they act as.</summary>
public sealed record UiUser(PlatformUser Account, Department? Department, Association? Association, IReadOnlyList<string> Roles, Actor Actor)
{
    public string Name => string.IsNullOrEmpty(Account.DisplayName) ? Account.UserName ?? "" : Account.DisplayName;

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsLeadership => IsIn(PlatformRoles.LeadingGroup);
}
