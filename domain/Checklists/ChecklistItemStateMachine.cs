using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Checklists;

/// <summary>
/// The association self-checks (a complete item, or 不涉及 with a reason), the supervisory unit verifies or returns it,
/// the reviewing department approves or returns it; a returned item goes back to the association's self-check with the
/// reason. Done needs evidence because evidence is the threshold of the evaluation (DOMAIN.md, step 5); an item that does
/// not apply needs none and skips the departments' review.
/// </summary>
public static class ChecklistItemStateMachine
{
    private static readonly Dictionary<ChecklistItemStatus, ChecklistItemStatus[]> Allowed = new()
    {
        [ChecklistItemStatus.Draft] = [ChecklistItemStatus.SelfChecked],
        [ChecklistItemStatus.SelfChecked] = [ChecklistItemStatus.Verified, ChecklistItemStatus.Returned],
        [ChecklistItemStatus.Verified] = [ChecklistItemStatus.InReview, ChecklistItemStatus.Returned, ChecklistItemStatus.Done],
        [ChecklistItemStatus.InReview] = [ChecklistItemStatus.Approved, ChecklistItemStatus.Returned],
        [ChecklistItemStatus.Returned] = [ChecklistItemStatus.SelfChecked],
        [ChecklistItemStatus.Approved] = [ChecklistItemStatus.Done],
        [ChecklistItemStatus.Done] = [],
    };

    public static bool CanMove(ChecklistItemStatus from, ChecklistItemStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ChecklistItemStatus> NextStates(ChecklistItemStatus from) => Allowed[from];

    /// <summary>Moves the item or throws a <see cref="DomainException"/> naming the item and both states.</summary>
    public static void Move(ChecklistItem item, ChecklistItemStatus to)
    {
        if (!CanMove(item.Status, to))
        {
            throw new DomainException(DomainErrorCodes.ChecklistTransitionIllegal, item.Number, Display(item.Status), Display(to));
        }

        if (to == ChecklistItemStatus.Done && item.EvidenceDocumentIds.Count == 0 && !item.NotApplicable)
        {
            throw new DomainException(DomainErrorCodes.ChecklistEvidenceRequired, item.Number);
        }

        if (to == ChecklistItemStatus.Done && item.Status == ChecklistItemStatus.Verified && !item.NotApplicable)
        {
            // only an item that does not apply skips the departments' review
            throw new DomainException(DomainErrorCodes.ChecklistTransitionIllegal, item.Number, Display(item.Status), Display(to));
        }

        if (to == ChecklistItemStatus.SelfChecked && Missing(item) is { Count: > 0 } missing)
        {
            throw new DomainException(DomainErrorCodes.ChecklistItemIncomplete, item.Number, string.Join("、", missing));
        }

        item.Status = to;
    }

    /// <summary>
    /// What an item still lacks before the association may confirm it (R7): the situation before decoupling, the
    /// separation measure, the deadline and the responsible unit — or, for 不涉及, the reason.
    /// </summary>
    public static IReadOnlyList<string> Missing(ChecklistItem item)
    {
        if (item.NotApplicable)
        {
            return string.IsNullOrWhiteSpace(item.NotApplicableReason) ? ["不涉及的理由"] : [];
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(item.SituationBefore))
        {
            missing.Add("脱钩前情况");
        }

        if (string.IsNullOrWhiteSpace(item.SeparationMeasure))
        {
            missing.Add("分离措施");
        }

        if (item.Deadline is null)
        {
            missing.Add("完成时限");
        }

        if (string.IsNullOrWhiteSpace(item.ResponsibleUnit))
        {
            missing.Add("责任单位");
        }

        return missing;
    }

    public static string Display(ChecklistItemStatus status) => DomainText.Get("CHECKLIST_STATUS_" + status);

    public static bool TryParse(string? text, out ChecklistItemStatus status)
    {
        var cleaned = (text ?? "").Trim();
        foreach (var candidate in Enum.GetValues<ChecklistItemStatus>())
        {
            if (cleaned == Display(candidate) || cleaned == candidate.ToString())
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
