namespace Decoupling.Domain.Checklists;

/// <summary>Life of one checklist item; the allowed moves are in <see cref="ChecklistItemStateMachine"/>.</summary>
public enum ChecklistItemStatus
{
    Draft,
    SelfChecked,
    Verified,
    InReview,
    Approved,
    Returned,
    Done,
}
