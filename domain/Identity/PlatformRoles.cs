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
    public const string Admin = "Admin";

    /// <summary>Staff of the civil-affairs registration window (一窗受理).</summary>
    public const string RegistrationOfficer = "RegistrationOfficer";

    public static readonly IReadOnlyList<string> All =
    [
        LeadingGroup, SupervisoryUnit, Reviewer, Auditor, AssociationStaff, Evaluator, Admin, RegistrationOfficer,
    ];
}
