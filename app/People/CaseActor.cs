using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Register;
using Decoupling.Engine.Services;

namespace Decoupling.Application.People;

/// <summary>
/// Who acts, as every use case needs them: the account, the unit they belong to (a department or an association), their
/// roles, and the engine actor with their candidate groups ("dept:czj", "role:LeadingGroup", "assoc:{id}").
/// </summary>
public sealed record CaseActor(PlatformUser Account, Department? Department, Association? Association, IReadOnlyList<string> Roles, Actor Actor)
{
    public string UserName => Account.UserName ?? "";

    public string Name => string.IsNullOrEmpty(Account.DisplayName) ? UserName : Account.DisplayName;

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>The leading-group office supervises every case (administrators run the system, not the cases: 三员分立).</summary>
    public bool IsLeadership => IsIn(PlatformRoles.LeadingGroup);

    /// <summary>Those who read the whole district's register: supervisors, auditors, the registration window, evaluators.</summary>
    public bool SeesDistrict => IsLeadership || IsIn(PlatformRoles.Auditor) || IsIn(PlatformRoles.RegistrationOfficer) || IsIn(PlatformRoles.Evaluator);

    /// <summary>A supervisory unit's own department id, or null.</summary>
    public Guid? SupervisoryUnitId => IsIn(PlatformRoles.SupervisoryUnit) ? Department?.Id : null;

    public const string DepartmentGroupPrefix = "dept:";
    public const string RoleGroupPrefix = "role:";
    public const string AssociationGroupPrefix = "assoc:";

    /// <summary>The engine actor of an account: departments, roles and the association become candidate groups.</summary>
    public static Actor ActorOf(PlatformUser account, string? departmentCode, IReadOnlyCollection<string> roles)
    {
        var groups = new List<string>();
        if (departmentCode is not null)
        {
            groups.Add(DepartmentGroupPrefix + departmentCode);
        }

        groups.AddRange(roles.Select(r => RoleGroupPrefix + r));
        if (account.AssociationId is { } association)
        {
            groups.Add(AssociationGroupPrefix + association);
        }

        // the system administrator is the engine's operator (retries incidents, corrects variables, migrates instances,
        // all journaled); the platform's access policy still lets no administrator work or start a case (三员分立)
        return new Actor(account.UserName!, groups, IsAdmin: roles.Contains(PlatformRoles.SystemAdmin));
    }
}
