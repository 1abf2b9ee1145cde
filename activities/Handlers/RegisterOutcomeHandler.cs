using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Register;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// register.outcome: the register follows the case (脱钩中 when it starts, 暂缓 or 撤销 as decided), with a history row
/// naming the case and its step. Registration changes themselves go through registration.apply-change.
/// </summary>
public sealed class RegisterOutcomeHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("register.outcome", "更新脱钩进度", "registration",
        "把登记库中协会商会的脱钩进度改为指定状态（脱钩中、暂缓脱钩、已撤销等）并写明原因；变更历史注明是哪个案件的哪个环节。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("outcome", "脱钩进度", InputType.Dropdown, Required: true)
            {
                Choices = [new("InProgress", "脱钩中"), new("Decoupled", "已脱钩"), new("SetAside", "暂缓脱钩"), new("Revoked", "已撤销登记"), new("Deregistered", "已注销")],
            },
            new("reason", "原因", InputType.Text),
        ],
        Outputs = [new("previousOutcome", "原进度")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var id = run.RequiredGuid("associationId");
        var before = await run.Scope.Register.GetAsync(id, cancellationToken);
        var outcome = Enum.Parse<DecouplingOutcome>(run.RequiredText("outcome"));
        if (before.Outcome != outcome || before.OutcomeReason != run.Text("reason"))
        {
            await run.Scope.Register.UpdateAsync(id, AssociationFields.From(before) with { Outcome = outcome, OutcomeReason = run.Text("reason") },
                before.ConcurrencyStamp, cancellationToken);
        }

        return new JsonObject { ["previousOutcome"] = before.Outcome.ToString() };
    }
}
