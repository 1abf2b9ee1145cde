using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Checklists;

/// <summary>
/// The association self-checks, the supervisory unit verifies, the reviewing department approves or returns; a
/// returned item goes back to the association's self-check. Done needs evidence because evidence is the threshold of
/// the evaluation (DOMAIN.md, step 5).
/// </summary>
public static class ChecklistItemStateMachine
{
    private static readonly Dictionary<ChecklistItemStatus, ChecklistItemStatus[]> Allowed = new()
    {
        [ChecklistItemStatus.Draft] = [ChecklistItemStatus.SelfChecked],
        [ChecklistItemStatus.SelfChecked] = [ChecklistItemStatus.Verified],
        [ChecklistItemStatus.Verified] = [ChecklistItemStatus.InReview],
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

        if (to == ChecklistItemStatus.Done && item.EvidenceDocumentIds.Count == 0)
        {
            throw new DomainException(DomainErrorCodes.ChecklistEvidenceRequired, item.Number);
        }

        item.Status = to;
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
