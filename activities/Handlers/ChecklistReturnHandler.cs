using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// checklist.return: the supervisory unit sends the checklist back to the association (R8). Items the unit already
/// returned one by one keep their own reasons; if it returned none, every self-checked item goes back with the general
/// reason — either way the association is told everything at once (一次性告知) and the items become editable again.
/// </summary>
public sealed class ChecklistReturnHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("checklist.return", "清单退回协会", "checklist",
        "业务主管单位退回清单：已逐项退回的事项保留各自理由；没有逐项退回时，全部已自查事项以总体理由退回，协会可重新填写。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("reason", "退回理由", InputType.Text, Required: true) { DefaultValue = "${verifyOpinion}" },
        ],
        Outputs = [new("returnedItems", "退回的事项数")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var associationId = run.RequiredGuid("associationId");
        var checklist = await run.Scope.Checklists.GetAsync(associationId, cancellationToken)
            ?? throw new ActivityInputException(Topic, "associationId", "该协会商会还没有脱钩事项清单");
        var returned = checklist.Items.Count(i => i.Status == ChecklistItemStatus.Returned);
        if (returned == 0)
        {
            var unit = run.Context.Variables["supervisoryUnitName"]?.ToString();
            foreach (var item in checklist.Items.Where(i => i.Status == ChecklistItemStatus.SelfChecked))
            {
                await run.Scope.Checklists.MoveAsync(item.Id, ChecklistItemStatus.Returned, run.RequiredText("reason"), cancellationToken, by: unit);
                returned++;
            }
        }

        return new JsonObject { ["returnedItems"] = returned };
    }
}
