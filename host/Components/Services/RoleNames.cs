using Decoupling.Domain.Identity;

namespace Decoupling.Host.Components.Services;

/// <summary>Chinese names of the platform roles (localizer keys).</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        PlatformRoles.LeadingGroup => "领导小组办公室",
        PlatformRoles.SupervisoryUnit => "业务主管单位",
        PlatformRoles.Reviewer => "职能部门审核人",
        PlatformRoles.Auditor => "审计人员",
        PlatformRoles.AssociationStaff => "协会工作人员",
        PlatformRoles.Evaluator => "评估方",
        PlatformRoles.SystemAdmin => "系统管理员",
        PlatformRoles.SecurityAdmin => "安全管理员",
        PlatformRoles.AuditAdmin => "审计管理员",
        PlatformRoles.RegistrationOfficer => "登记窗口",
        _ => role,
    };
}
