using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Checklists;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// checklist.advance: moves one item, or every item of the association, to a status along the allowed path (a returned
/// item goes back through self-check and verification). Items already there are left alone. Done needs evidence: an item
/// without it throws the BPMN error CHECKLIST_EVIDENCE_MISSING so the flow can send the association back to upload.
/// </summary>
public sealed class ChecklistAdvanceHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public const string EvidenceMissing = "CHECKLIST_EVIDENCE_MISSING";

    public override ActivityDescriptor Descriptor { get; } = new("checklist.advance", "推进清单事项状态", "checklist",
        "把一个事项（或协会商会的全部事项）推进到指定状态：已自查、已核实、审核中、审核通过、已退回、已完成。已完成须有佐证材料，缺少时抛出 BPMN 错误 CHECKLIST_EVIDENCE_MISSING。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("itemId", "事项 ID（空＝全部事项）") { Description = "多实例中一般填 ${item.id}" },
            new("status", "目标状态", InputType.Dropdown, Required: true)
            {
                Choices =
                [
                    new("SelfChecked", "已自查"), new("Verified", "已核实"), new("InReview", "审核中"),
                    new("Approved", "审核通过"), new("Returned", "已退回"), new("Done", "已完成"),
                ],
            },
            new("opinion", "审核意见", InputType.Text),
        ],
        Outputs = [new("movedItems", "推进的事项数")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var associationId = run.RequiredGuid("associationId");
        var target = Enum.Parse<ChecklistItemStatus>(run.RequiredText("status"));
        var checklist = await run.Scope.Checklists.GetAsync(associationId, cancellationToken)
            ?? throw new ActivityInputException(Topic, "associationId", "该协会商会还没有脱钩事项清单");
        var itemId = run.OptionalGuid("itemId");
        var items = checklist.Items.Where(i => itemId is null || i.Id == itemId).ToList();
        if (itemId is not null && items.Count == 0)
        {
            throw new ActivityInputException(Topic, "itemId", $"事项 {itemId} 不在该协会商会的清单中");
        }

        if (target == ChecklistItemStatus.Done && items.FirstOrDefault(i => i.Status != ChecklistItemStatus.Done && i.EvidenceDocumentIds.Count == 0) is { } bare)
        {
            throw new BpmnErrorException(EvidenceMissing, $"第 {bare.Number} 项“{bare.Title}”缺少佐证材料");
        }

        var moved = 0;
        foreach (var item in items)
        {
            var path = PathTo(item.Status, target);
            if (path is null)
            {
                throw new ActivityInputException(Topic, "status",
                    $"第 {item.Number} 项不能从“{ChecklistItemStateMachine.Display(item.Status)}”推进到“{ChecklistItemStateMachine.Display(target)}”");
            }

            foreach (var step in path)
            {
                await run.Scope.Checklists.MoveAsync(item.Id, step, run.Text("opinion"), cancellationToken);
            }

            moved += path.Count > 0 ? 1 : 0;
        }

        return new JsonObject { ["movedItems"] = moved };
    }

    /// <summary>The shortest list of moves from one status to another (empty when already there; null when unreachable).</summary>
    public static List<ChecklistItemStatus>? PathTo(ChecklistItemStatus from, ChecklistItemStatus to)
    {
        var previous = new Dictionary<ChecklistItemStatus, ChecklistItemStatus> ();
        var queue = new Queue<ChecklistItemStatus>([from]);
        var seen = new HashSet<ChecklistItemStatus> { from };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<ChecklistItemStatus>();
                for (var s = to; s != from; s = previous[s])
                {
                    path.Insert(0, s);
                }

                return path;
            }

            foreach (var next in ChecklistItemStateMachine.NextStates(current).Where(seen.Add))
            {
                previous[next] = current;
                queue.Enqueue(next);
            }
        }

        return null;
    }
}
