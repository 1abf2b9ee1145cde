using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Matters;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>matter.receive: the front desk registers the case (前台综合受理) with its statutory and promised limits; 全程代办 records the agent.</summary>
public sealed class ReceiveMatterHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("matter.receive", "窗口受理办件", "registration",
        "登记窗口受理办件：记录法定时限和承诺时限（工作日）、是否全程代办及代办人，上门次数从 0 开始。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID") { DefaultValue = "${associationId}", Description = "成立登记时为空" },
            new("category", "办件类型", InputType.Dropdown, Required: true)
            {
                Choices =
                [
                    new(nameof(MatterCategory.ChangeRegistration), "变更登记"), new(nameof(MatterCategory.ArticlesApproval), "章程核准"),
                    new(nameof(MatterCategory.Filing), "备案"), new(nameof(MatterCategory.CertificateRenewal), "换证"),
                    new(nameof(MatterCategory.Deregistration), "注销登记"), new(nameof(MatterCategory.NewRegistration), "成立登记"),
                ],
            },
            new("subject", "办件名称", Required: true),
            new("channel", "申请渠道", InputType.Dropdown) { Choices = [new("online", "网上申请"), new("desk", "窗口申请"), new("agent", "全程代办")] },
            new("inPersonVisit", "申请人本次到窗口", InputType.Boolean),
            new("agentName", "代办员"),
        ],
        Outputs = [new("matterId", "办件 ID"), new("statutoryDueOn", "法定办结日期"), new("promisedDueOn", "承诺办结日期")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        // 全程代办: a named agent handles the whole matter for the applicant; a visit to the desk is counted (零上门 is measured, not assumed)
        var onBehalf = run.Text("channel") == "agent";
        var matter = await run.Scope.Matters.ReceiveAsync(Enum.Parse<MatterCategory>(run.RequiredText("category")), run.OptionalGuid("associationId"),
            run.RequiredText("subject"), run.Today, onBehalf, onBehalf ? run.Text("agentName") ?? "登记窗口代办员" : null,
            channel: run.Text("channel") ?? "online", cancellationToken: cancellationToken);
        if (run.Text("channel") == "desk" || run.Flag("inPersonVisit"))
        {
            await run.Scope.Matters.RecordInPersonVisitAsync(matter.Id, cancellationToken);
        }
        return new JsonObject
        {
            ["matterId"] = matter.Id.ToString(),
            ["statutoryDueOn"] = matter.StatutoryDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["promisedDueOn"] = matter.PromisedDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
