using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>checklist.load: the association's checklist (created from the default template when it has none) as a list for multi-instance.</summary>
public sealed class ChecklistLoadHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("checklist.load", "载入脱钩事项清单", "checklist",
        "读取协会商会的脱钩事项清单（没有时按默认模板生成），返回事项列表供逐项审核的多实例使用，并返回协会名称、信用代码和业务主管单位代码。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("scope", "事项范围", InputType.Dropdown) { Choices = [new("all", "全部事项"), new("review", "需职能部门审核的事项（不含不涉及）")] },
        ],
        Outputs =
        [
            new("checklistItems", "事项列表"), new("associationName", "协会名称"), new("creditCode", "统一社会信用代码"),
            new("supervisoryUnitCode", "业务主管单位代码"), new("supervisoryUnitName", "业务主管单位"),
        ],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var id = run.RequiredGuid("associationId");
        var association = await run.Scope.Register.GetAsync(id, cancellationToken);
        var checklist = await run.Scope.Checklists.GetAsync(id, cancellationToken)
            ?? await run.Scope.Checklists.CreateFromTemplateAsync(id, cancellationToken: cancellationToken);
        var unit = await Lookups.DepartmentAsync(run.Scope, association.SupervisoryUnitId, cancellationToken);
        await run.Scope.Relationships.EnsureFromRegisterAsync(id, cancellationToken);
        var items = checklist.Items.Where(i => run.Text("scope") != "review" || !i.NotApplicable).OrderBy(i => i.Number);
        return new JsonObject
        {
            ["checklistItems"] = new JsonArray([.. items.Select(i => (JsonNode)Lookups.ItemJson(i))]),
            ["associationName"] = association.Name,
            ["creditCode"] = association.CreditCode,
            ["supervisoryUnitCode"] = unit?.Code,
            ["supervisoryUnitName"] = unit?.Name,
        };
    }
}
