using Microsoft.Extensions.Localization;

namespace Decoupling.Host.Components.Services;

/// <summary>Chinese names of journal entries, through the UI's localizer (process and outcome names come from the definitions).</summary>
public static class ProcessNames
{
    private static readonly Dictionary<string, string> Journal = new(StringComparer.Ordinal)
    {
        ["instance-started"] = "发起",
        ["instance-completed"] = "办结",
        ["instance-cancelled"] = "取消",
        ["instance-migrated"] = "迁移版本",
        ["task-created"] = "到达",
        ["task-completed"] = "办理",
        ["task-claimed"] = "签收",
        ["task-unclaimed"] = "退回候选池",
        ["task-returned"] = "退回",
        ["task-withdrawn"] = "撤回",
        ["task-transferred"] = "转办",
        ["task-delegated"] = "委派",
        ["task-resolved"] = "委派办结",
        ["signers-added"] = "加签",
        ["signer-removed"] = "减签",
        ["signer-completed"] = "加签人办理",
        ["task-copied"] = "抄送",
        ["task-urged"] = "催办",
        ["task-cancelled"] = "任务取消",
        ["task-skipped"] = "自动通过",
        ["no-approver"] = "无审批人",
        ["boundary-triggered"] = "期限/事件触发",
        ["message-received"] = "收到消息",
        ["error-thrown"] = "业务异常",
        ["incident"] = "异常",
        ["incident-retried"] = "重试",
        ["service-failed"] = "自动处理失败",
        ["call-started"] = "发起子流程",
        ["variables-changed"] = "修改变量",
    };

    public static string JournalKind(string kind, IStringLocalizer localizer) => Journal.TryGetValue(kind, out var name) ? localizer[name] : kind;
}
