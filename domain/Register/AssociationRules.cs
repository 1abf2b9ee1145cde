using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Register;

/// <summary>
/// Checks of one association's fields that need no database: every problem is returned (property name, code,
/// message), so a form or a spreadsheet row shows them all at once.
/// </summary>
public static class AssociationRules
{
    // 社会团体登记管理条例: only national bodies may use these words
    private static readonly string[] ForbiddenWords = ["中国", "全国", "中华"];

    public static List<FieldError> Check(AssociationFields f)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(f.Name))
        {
            Add(errors, nameof(f.Name), DomainErrorCodes.FieldRequired, RegisterColumns.Name);
        }
        else
        {
            foreach (var word in ForbiddenWords.Where(w => f.Name.Contains(w, StringComparison.Ordinal)))
            {
                Add(errors, nameof(f.Name), DomainErrorCodes.AssociationNameForbiddenWord, word);
            }

            if (f.Name.Length > 200)
            {
                Add(errors, nameof(f.Name), DomainErrorCodes.FieldTooLong, RegisterColumns.Name, 200);
            }
        }

        if (string.IsNullOrWhiteSpace(f.CreditCode))
        {
            if (f.Status != RegistrationStatus.Unregistered)
            {
                Add(errors, nameof(f.CreditCode), DomainErrorCodes.CreditCodeRequired);
            }
        }
        else
        {
            var check = UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(f.CreditCode));
            if (!check.IsValid)
            {
                errors.Add(new FieldError(nameof(f.CreditCode), check.Code!, check.Message!));
            }
        }

        NotNegative(errors, nameof(f.MemberCount), f.MemberCount);
        NotNegative(errors, nameof(f.FullTimeStaff), f.FullTimeStaff);
        NotNegative(errors, nameof(f.AssetsTenThousandYuan), f.AssetsTenThousandYuan);
        NotNegative(errors, nameof(f.OfficeSpaceSquareMetres), f.OfficeSpaceSquareMetres);
        NotNegative(errors, nameof(f.FiscalAppropriationTenThousandYuan), f.FiscalAppropriationTenThousandYuan);
        NotNegative(errors, nameof(f.ServingOfficialsHoldingPosts), f.ServingOfficialsHoldingPosts);
        NotNegative(errors, nameof(f.RetiredOfficialsHoldingPosts), f.RetiredOfficialsHoldingPosts);

        if (f.Outcome is DecouplingOutcome.Deregistered or DecouplingOutcome.Revoked or DecouplingOutcome.SetAside
            && string.IsNullOrWhiteSpace(f.OutcomeReason))
        {
            Add(errors, nameof(f.OutcomeReason), DomainErrorCodes.OutcomeReasonRequired, RegisterLabels.Display(f.Outcome));
        }

        return errors;
    }

    private static void NotNegative(List<FieldError> errors, string property, decimal? value)
    {
        if (value < 0)
        {
            Add(errors, property, DomainErrorCodes.FieldNegative, RegisterColumns.ByProperty[property]);
        }
    }

    private static void Add(List<FieldError> errors, string property, string code, params object?[] args) =>
        errors.Add(new FieldError(property, code, DomainText.Get(code, args)));
}
