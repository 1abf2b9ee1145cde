using Decoupling.Domain.Checklists;

namespace Decoupling.Application.Checklists;

/// <summary>
/// Who may move a checklist item where (R7, R8): the association confirms its own items (自查确认, again after a return);
/// the supervisory unit verifies (核实) or returns (退回) them; in review, approved and done belong to the flow's
/// service tasks only. Who may write an item: the association while it holds it (draft, returned), the unit until the
/// departments' review starts (its specific plan per item).
/// </summary>
public static class ChecklistRules
{
    public static bool MayMove(ChecklistRole role, ChecklistItemStatus from, ChecklistItemStatus to) => role switch
    {
        ChecklistRole.Association => to == ChecklistItemStatus.SelfChecked && from is ChecklistItemStatus.Draft or ChecklistItemStatus.Returned,
        ChecklistRole.SupervisoryUnit => from == ChecklistItemStatus.SelfChecked && to is ChecklistItemStatus.Verified or ChecklistItemStatus.Returned,
        _ => false,
    };

    /// <summary>Why a person may not make this move, for the refusal message.</summary>
    public static string Why(ChecklistRole role) => role switch
    {
        ChecklistRole.Association => "协会只能自查确认草稿或被退回的事项",
        ChecklistRole.SupervisoryUnit => "业务主管单位只能核实或退回已自查的事项；审核中、审核通过和已完成由审核流程确定",
        _ => "审核中、审核通过和已完成由审核流程确定",
    };

    public static bool MayEdit(ChecklistRole role, ChecklistItemStatus status) => role switch
    {
        ChecklistRole.Association => status is ChecklistItemStatus.Draft or ChecklistItemStatus.Returned,
        ChecklistRole.SupervisoryUnit => status is ChecklistItemStatus.Draft or ChecklistItemStatus.SelfChecked or ChecklistItemStatus.Verified,
        _ => false,
    };

    /// <summary>Only the unit decides which departments review an item (the routing table fills it in; R10).</summary>
    public static bool MayRoute(ChecklistRole role) => role == ChecklistRole.SupervisoryUnit;

    public static bool MayAttachEvidence(ChecklistRole role, ChecklistItemStatus status) =>
        role is ChecklistRole.Association or ChecklistRole.SupervisoryUnit && status != ChecklistItemStatus.Done;
}
