namespace Decoupling.Domain.Identity;

/// <summary>Role names of ASP.NET Core Identity; stable strings that policies and seed data refer to.</summary>
public static class PlatformRoles
{
    public const string LeadingGroup = "LeadingGroup";
    public const string SupervisoryUnit = "SupervisoryUnit";
    public const string Reviewer = "Reviewer";
    public const string Auditor = "Auditor";
    public const string AssociationStaff = "AssociationStaff";
    public const string Evaluator = "Evaluator";

    /// <summary>Staff of the civil-affairs registration window (一窗受理).</summary>
    public const string RegistrationOfficer = "RegistrationOfficer";

    /// <summary>系统管理员: accounts, departments, calendar, jobs, configuration, incidents. Grants no role.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>安全管理员: assigns roles and departments, locks and unlocks, sets the password and session policy.</summary>
    public const string SecurityAdmin = "SecurityAdmin";

    /// <summary>审计管理员: the only reader of the audit trail; verifies and exports it and changes nothing else.</summary>
    public const string AuditAdmin = "AuditAdmin";

    /// <summary>The three administrators of 三员分立 (GB/T 22239-2019 level 3): none may hold another's role.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static readonly IReadOnlyList<string> All =
    [
        LeadingGroup, SupervisoryUnit, Reviewer, Auditor, AssociationStaff, Evaluator, RegistrationOfficer,
        SystemAdmin, SecurityAdmin, AuditAdmin,
    ];

    public static bool IsAdministrator(string role) => Administrators.Contains(role, StringComparer.Ordinal);

    /// <summary>Accounts of the three administrators sign in with a second factor (TOTP), never with a password alone.</summary>
    public static bool NeedSecondFactor(IEnumerable<string> roles) => roles.Any(IsAdministrator);
}
