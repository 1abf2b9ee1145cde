using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Register;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Register;

/// <summary>
/// The office's direct edit of a register entry (correcting what the import brought in). What a procedure decides is
/// not edited here, so no entry changes without the decision and document behind it (R14, R19, R2): the registration
/// status and certificate number (登记办理、规范清理), the decoupling outcome and its reason, the removal of the
/// supervisory unit (脱钩), and the scope (R3: set on the register page, always with its reason).
/// </summary>
public sealed class RegisterEditing(IServiceScopeFactory scopes)
{
    private static readonly (string Field, string Label, string DecidedBy, Func<AssociationFields, AssociationFields, bool> Changed)[] Decided =
    [
        ("status", "登记状态", "登记办理或规范清理的决定", (a, b) => a.Status != b.Status),
        ("certificateNumber", "登记证书编号", "登记办理的决定", (a, b) => !SameText(a.CertificateNumber, b.CertificateNumber)),
        ("outcome", "脱钩结果", "脱钩、登记办理或规范清理的决定", (a, b) => a.Outcome != b.Outcome),
        ("outcomeReason", "脱钩结果说明", "脱钩、登记办理或规范清理的决定", (a, b) => !SameText(a.OutcomeReason, b.OutcomeReason)),
        ("supervisoryUnitId", "业务主管单位（取消）", "脱钩流程", (a, b) => a.SupervisoryUnitId is not null && b.SupervisoryUnitId is null),
        ("exempt", "是否纳入脱钩范围", "名册详情页的“脱钩范围”（须写明理由）", (a, b) => a.Exempt != b.Exempt),
        ("exemptReason", "不纳入脱钩范围的理由", "名册详情页的“脱钩范围”", (a, b) => !SameText(a.ExemptReason, b.ExemptReason)),
    ];

    public async Task<Association> EditAsync(CaseActor actor, Guid associationId, AssociationFields fields, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        if (!RegisterScopeOperations.MayEdit(actor))
        {
            throw new AppException(AppErrors.RegisterEditForbidden);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var register = scope.Get<RegisterService>();
        var current = AssociationFields.From(await register.GetAsync(associationId, cancellationToken));
        foreach (var (field, label, decidedBy, changed) in Decided)
        {
            if (changed(current, fields))
            {
                throw new AppException(AppErrors.RegisterFieldDecided, label, decidedBy) { Field = field };
            }
        }

        return await register.UpdateAsync(associationId, fields, expectedStamp, cancellationToken);
    }

    private static bool SameText(string? a, string? b) => string.IsNullOrWhiteSpace(a) ? string.IsNullOrWhiteSpace(b) : a.Trim() == b?.Trim();
}
