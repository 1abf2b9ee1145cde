using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Engine.Listeners;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Checks;

/// <summary>
/// checklistSelfChecked — the association submits its self-check only when every item it holds is complete, or marked
/// 不涉及 with a reason (R7). The refusal lists every item still lacking something at once (一次性告知).
/// </summary>
public sealed class ChecklistSelfCheckedCheck(IServiceScopeFactory scopes) : CompletionCheck(scopes)
{
    public override string Name => "checklistSelfChecked";

    protected override async Task<string?> ProblemAsync(TaskListenerContext context, ActivityScope scope, CancellationToken cancellationToken)
    {
        var checklist = await scope.Checklists.GetAsync(AssociationOf(context), cancellationToken);
        if (checklist is null || checklist.Items.Count == 0)
        {
            return "脱钩事项清单还没有事项";
        }

        var lacking = checklist.Items
            .Where(i => i.Status is ChecklistItemStatus.Draft or ChecklistItemStatus.Returned)
            .Select(i => (i.Number, Missing: ChecklistItemStateMachine.Missing(i)))
            .Where(x => x.Missing.Count > 0)
            .OrderBy(x => x.Number)
            .Select(x => $"第 {x.Number} 项缺少{string.Join("、", x.Missing)}")
            .ToList();
        return lacking.Count == 0 ? null : "请先补全清单再提交自查：" + string.Join("；", lacking);
    }
}
