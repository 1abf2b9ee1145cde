using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// routing.resolve: the departments that review one checklist item — the item's own list (filled from the routing table
/// and editable) or else the routing table — split into the supervisory unit and the functional departments, so an
/// inclusive gateway can open one branch or both.
/// </summary>
public sealed class RoutingResolveHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("routing.resolve", "确定审核部门", "review",
        "按路由表确定清单事项的审核部门，返回审核部门代码列表、是否需业务主管单位审核，以及职能部门列表。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("itemId", "事项 ID", Required: true) { DefaultValue = "${item.id}" },
            new("supervisoryUnitCode", "业务主管单位代码") { DefaultValue = "${supervisoryUnitCode}", Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
        ],
        Outputs =
        [
            new("reviewDepartments", "审核部门代码"), new("needsSupervisory", "需业务主管单位审核"),
            new("functionalDepartments", "职能部门代码"), new("itemTitle", "事项名称"), new("itemCategory", "事项类别"),
        ],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var associationId = run.RequiredGuid("associationId");
        var itemId = run.RequiredGuid("itemId");
        var checklist = await run.Scope.Checklists.GetAsync(associationId, cancellationToken)
            ?? throw new ActivityInputException(Topic, "associationId", "该协会商会还没有脱钩事项清单");
        var item = checklist.Items.FirstOrDefault(i => i.Id == itemId)
            ?? throw new ActivityInputException(Topic, "itemId", $"事项 {itemId} 不在该协会商会的清单中");
        var supervisory = run.Text("supervisoryUnitCode");
        if (supervisory is null)
        {
            var association = await run.Scope.Register.GetAsync(associationId, cancellationToken);
            supervisory = (await Lookups.DepartmentAsync(run.Scope, association.SupervisoryUnitId, cancellationToken))?.Code;
        }

        var departments = item.ReviewingDepartmentCodes.Count > 0
            ? item.ReviewingDepartmentCodes
            : [.. await run.Scope.Routing.ReviewingDepartmentsAsync(item.Category, item.ItemCode, item.Title + " " + item.SituationBefore, supervisory, cancellationToken)];
        if (departments.Count == 0 && supervisory is not null)
        {
            departments = [supervisory];
        }

        var functional = departments.Where(d => d != supervisory).ToList();
        var names = await run.Scope.Departments.ListAsync(cancellationToken);
        return new JsonObject
        {
            ["reviewDepartments"] = new JsonArray([.. departments.Select(d => (JsonNode)d)]),
            ["needsSupervisory"] = supervisory is not null && departments.Contains(supervisory),
            // each with its name: a task for 区财政局 says so, never "czj"
            ["functionalDepartments"] = new JsonArray([.. functional.Select(d => (JsonNode)new JsonObject
            {
                ["code"] = d,
                ["name"] = names.FirstOrDefault(n => n.Code == d)?.Name ?? d,
            })]),
            ["itemTitle"] = item.Title,
            ["itemCategory"] = item.Category.ToString(),
        };
    }
}
