using System.Text.Json.Nodes;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Register;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Activities.Infrastructure;

/// <summary>Small reads several activities share.</summary>
internal static class Lookups
{
    public static async Task<Department?> DepartmentAsync(ActivityScope scope, Guid? id, CancellationToken cancellationToken) =>
        id is null ? null : await scope.Db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public static async Task<Department> DepartmentAsync(ActivityScope scope, string code, string topic, CancellationToken cancellationToken) =>
        await scope.Db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken)
        ?? throw new ActivityInputException(topic, "departmentCode", $"部门代码 {code} 不存在");

    public static string OutcomeName(DecouplingOutcome outcome) => DomainText.Get("OUTCOME_" + outcome);

    public static JsonObject ItemJson(ChecklistItem item) => new()
    {
        ["id"] = item.Id.ToString(),
        ["number"] = item.Number,
        ["itemCode"] = item.ItemCode,
        ["category"] = item.Category.ToString(),
        ["categoryName"] = SeparationCategoryNames.Display(item.Category),
        ["title"] = item.Title,
        ["situationBefore"] = item.SituationBefore,
        ["separationMeasure"] = item.SeparationMeasure,
        ["deadline"] = item.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["responsibleUnit"] = item.ResponsibleUnit,
        ["notApplicable"] = item.NotApplicable,
        ["reviewingDepartments"] = new JsonArray([.. item.ReviewingDepartmentCodes.Select(c => (JsonNode)c)]),
    };

    public static IReadOnlyList<string> ItemRow(ChecklistItem item) =>
    [
        item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SeparationCategoryNames.Display(item.Category),
        item.Title,
        item.SeparationMeasure ?? "",
        item.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        item.ResponsibleUnit ?? "",
        string.Join("、", item.ReviewingDepartmentCodes),
        ChecklistItemStateMachine.Display(item.Status),
    ];

    /// <summary>A row of the item table with department names instead of codes (documents never show codes).</summary>
    public static IReadOnlyList<string> ItemRow(ChecklistItem item, IReadOnlyDictionary<string, string> departmentNames) =>
    [
        item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SeparationCategoryNames.Display(item.Category),
        item.Title,
        item.NotApplicable ? "不涉及：" + item.NotApplicableReason : item.SeparationMeasure ?? "",
        item.Deadline?.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        item.ResponsibleUnit ?? "",
        string.Join("、", item.ReviewingDepartmentCodes.Select(c => departmentNames.GetValueOrDefault(c, c))),
        ChecklistItemStateMachine.Display(item.Status),
    ];

    /// <summary>A date as documents write it: 2026年11月30日.</summary>
    public static string ChineseDate(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string[] ItemHeaders = ["序号", "类别", "事项", "脱钩措施", "完成时限", "责任单位", "审核部门", "状态"];
}
