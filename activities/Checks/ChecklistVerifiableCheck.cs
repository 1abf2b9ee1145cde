using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Engine.Listeners;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Checks;

/// <summary>
/// checklistVerifiable — the supervisory unit confirms its verification (核实无误) only when no item is waiting on the
/// association (draft or returned); returning (退回) needs either items returned with reasons or a general reason.
/// </summary>
public sealed class ChecklistVerifiableCheck(IServiceScopeFactory scopes) : CompletionCheck(scopes)
{
    public override string Name => "checklistVerifiable";

    protected override async Task<string?> ProblemAsync(TaskListenerContext context, ActivityScope scope, CancellationToken cancellationToken)
    {
        if (context.Outcome != "verify")
        {
            return null;
        }

        var checklist = await scope.Checklists.GetAsync(AssociationOf(context), cancellationToken);
        var waiting = checklist?.Items.Where(i => i.Status is ChecklistItemStatus.Draft or ChecklistItemStatus.Returned).Select(i => i.Number).Order().ToList() ?? [];
        return waiting.Count == 0 ? null : $"第 {string.Join("、", waiting)} 项已退回或尚未自查，不能核实无误；请选择“退回协会修改”";
    }
}
