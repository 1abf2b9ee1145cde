using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Seals;
using Decoupling.Engine.Listeners;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Checks;

/// <summary>
/// checklistSealed — a unit's confirmation of the checklist is its seal (R8): the completing person's unit (the
/// association, or its supervisory unit) must have sealed an intact export made after the last change.
/// </summary>
public sealed class ChecklistSealedCheck(IServiceScopeFactory scopes) : CompletionCheck(scopes)
{
    public override string Name => "checklistSealed";

    protected override async Task<string?> ProblemAsync(TaskListenerContext context, ActivityScope scope, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(scope, context, cancellationToken);
        if (account is null || (account.DepartmentId is null && account.AssociationId is null))
        {
            return "您的账号不属于任何单位，不能盖章确认";
        }

        var seals = new SealService(scope.Db, scope.Services.GetRequiredService<Domain.Documents.IFileStore>(), scope.Time);
        return await ChecklistSeals.ProblemAsync(scope.Db, seals, AssociationOf(context),
            account.DepartmentId, account.DepartmentId is null ? account.AssociationId : null, cancellationToken);
    }
}
