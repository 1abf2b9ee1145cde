using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Engine.Listeners;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Checks;

/// <summary>evidenceComplete — the association reports its implementation only with evidence for every item that applies (R14).</summary>
public sealed class EvidenceCompleteCheck(IServiceScopeFactory scopes) : CompletionCheck(scopes)
{
    public override string Name => "evidenceComplete";

    protected override async Task<string?> ProblemAsync(TaskListenerContext context, ActivityScope scope, CancellationToken cancellationToken)
    {
        var checklist = await scope.Checklists.GetAsync(AssociationOf(context), cancellationToken);
        var bare = checklist?.Items.Where(i => !i.NotApplicable && i.EvidenceDocumentIds.Count == 0 && i.Status != ChecklistItemStatus.Done)
            .Select(i => i.Number).Order().ToList() ?? [];
        return bare.Count == 0 ? null : $"第 {string.Join("、", bare)} 项还没有上传佐证材料";
    }
}
