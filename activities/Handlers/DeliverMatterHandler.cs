using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Matters;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>matter.deliver: the back office's decision is recorded and the package delivered at one window (统一窗口出件).</summary>
public sealed class DeliverMatterHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("matter.deliver", "统一窗口出件", "registration",
        "记录后台审批结论并统一出件；返回办件状态、是否在承诺时限内办结和上门次数（目标为 0）。")
    {
        Inputs =
        [
            new("matterId", "办件 ID", Required: true) { DefaultValue = "${matterId}" },
            new("approved", "审批通过", InputType.Boolean) { DefaultValue = "true" },
            new("decision", "审批结论", InputType.Text),
        ],
        Outputs = [new("matterState", "办件状态"), new("inPersonVisits", "上门次数"), new("withinPromisedLimit", "承诺时限内办结")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var id = run.RequiredGuid("matterId");
        var matters = run.Scope.Matters;
        var matter = await matters.MoveAsync(id, MatterState.InReview, cancellationToken: cancellationToken);
        var approved = run.Inputs["approved"] is null || run.Flag("approved");
        matter = await matters.MoveAsync(id, approved ? MatterState.Approved : MatterState.Rejected, run.Text("decision"), run.Today, cancellationToken);
        if (approved)
        {
            matter = await matters.MoveAsync(id, MatterState.Delivered, cancellationToken: cancellationToken);
        }

        return new JsonObject
        {
            ["matterState"] = matter.State.ToString(),
            ["inPersonVisits"] = matter.InPersonVisits,
            ["withinPromisedLimit"] = matter.DecidedOn is { } decided && decided <= matter.PromisedDueOn,
        };
    }
}
