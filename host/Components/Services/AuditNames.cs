namespace Decoupling.Host.Components.Services;

/// <summary>Chinese names of what audit rows are about (their entity type), for the audit administrator's page.</summary>
public static class AuditNames
{
    public static string EntityOf(string entityType) => entityType switch
    {
        "PlatformUser" => "账号",
        "IdentityUserRole`1" => "账号角色",
        "IdentityUserToken`1" => "账号令牌",
        "IdentityUserClaim`1" or "IdentityUserLogin`1" => "账号登录信息",
        "IdentityRole" => "角色",
        "SecurityPolicy" => "安全策略",
        "UnitKey" => "单位签章密钥",
        "Department" => "部门",
        "Association" => "协会",
        "AssociationChange" => "协会变更记录",
        "Checklist" => "脱钩事项清单",
        "ChecklistItem" => "清单事项",
        "ChecklistTemplate" or "ChecklistTemplateItem" => "清单模板",
        "DocumentRecord" => "文件",
        "SealConfirmation" => "盖章确认",
        "Matter" => "办件",
        "Notification" => "通知",
        "RoutingRule" => "审核路由",
        "CalendarDay" => "节假日日历",
        "DocumentNumberCounter" or "IssuedDocumentNumber" => "文号",
        "CertificateRecord" => "登记证书",
        "AuditSampleEntry" => "审计抽查",
        "ActivityResult" => "流程活动结果",
        "JobRun" => "后台任务运行",
        "AuditLog" => "审计日志",
        _ => "其他记录",
    };
}
