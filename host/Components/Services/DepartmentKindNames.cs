using Decoupling.Domain.Departments;

namespace Decoupling.Host.Components.Services;

/// <summary>Chinese names of the parts departments play (localizer keys), for the admin page and the designer's department picker alike.</summary>
public static class DepartmentKindNames
{
    public static string Of(DepartmentKind kind) => kind switch
    {
        DepartmentKind.LeadingGroupOffice => "领导小组办公室",
        DepartmentKind.SupervisoryUnit => "业务主管单位",
        DepartmentKind.FunctionalDepartment => "职能部门",
        DepartmentKind.Audit => "审计部门",
        DepartmentKind.RegistrationWindow => "登记窗口",
        _ => "评估方",
    };
}
