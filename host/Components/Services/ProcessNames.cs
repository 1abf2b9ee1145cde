using Microsoft.Extensions.Localization;

namespace Decoupling.Host.Components.Services;

/// <summary>Chinese names of the procedure's processes, outcomes and journal entries, through the UI's localizer.</summary>
public static class ProcessNames
{
    private static readonly Dictionary<string, string> Processes = new(StringComparer.Ordinal)
    {
        ["decoupling"] = "协会脱钩",
        ["item-review"] = "脱钩事项审核",
        ["registration"] = "登记变更（一窗受理）",
        ["unit-summary"] = "业务主管单位工作总结",
        ["evaluation"] = "成效评估",
        ["risk-report"] = "重要情况报告",
    };

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approve"] = "同意",
        ["reject"] = "不同意",
        ["returned"] = "退回",
        ["correct"] = "补正",
    };

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

    public static string Of(string key, IStringLocalizer localizer) => Processes.TryGetValue(key, out var name) ? localizer[name] : key;

    public static string Outcome(string? outcome, IStringLocalizer localizer) =>
        outcome is null ? "—" : Outcomes.TryGetValue(outcome, out var name) ? localizer[name] : outcome;

    public static string JournalKind(string kind, IStringLocalizer localizer) => Journal.TryGetValue(kind, out var name) ? localizer[name] : kind;

    /// <summary>Journal kinds worth showing people in a timeline (element entered/left rows are for the viewer's counts).</summary>
    public static bool IsHumanEvent(string kind) => Journal.ContainsKey(kind);
}
