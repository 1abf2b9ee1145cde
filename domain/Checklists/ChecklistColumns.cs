namespace Decoupling.Domain.Checklists;

/// <summary>Headers of the checklist spreadsheet; the seed template and every export use the same ones.</summary>
public static class ChecklistColumns
{
    public const string Number = "序号";
    public const string Category = "类别";
    public const string ItemCode = "事项编码";
    public const string Title = "事项";
    public const string SituationBefore = "脱钩前情况";
    public const string SeparationMeasure = "分离措施";
    public const string Deadline = "完成时限";
    public const string ResponsibleUnit = "责任单位";
    public const string ResponsiblePerson = "责任人";
    public const string ReviewingDepartments = "审核部门";
    public const string Evidence = "佐证材料";
    public const string Status = "状态";
    public const string ReviewOpinion = "审核意见";

    public static readonly IReadOnlyList<string> All =
    [
        Number, Category, ItemCode, Title, SituationBefore, SeparationMeasure, Deadline, ResponsibleUnit,
        ResponsiblePerson, ReviewingDepartments, Evidence, Status, ReviewOpinion,
    ];

    public static readonly IReadOnlyList<string> Required = [Number, Category, Title];
}
