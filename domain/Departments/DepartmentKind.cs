namespace Decoupling.Domain.Departments;

/// <summary>The part a department plays in the decoupling procedure (see DOMAIN.md, "Who uses the platform").</summary>
public enum DepartmentKind
{
    LeadingGroupOffice,
    SupervisoryUnit,
    FunctionalDepartment,
    Audit,
    RegistrationWindow,
    Evaluator,
}
