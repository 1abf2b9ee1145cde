using Decoupling.Domain.Documents;

namespace Decoupling.Activities.Documents;

/// <summary>The documents the platform generates, each from its template in seed/templates.</summary>
public static class DocumentKinds
{
    public const string Plan = "plan";
    public const string Review = "review";
    public const string Summary = "summary";
    public const string Evaluation = "evaluation";

    public static readonly string[] All = [Plan, Review, Summary, Evaluation];

    public static string TemplateFile(string kind) => kind + ".docx";

    public static string Label(string kind) => kind switch
    {
        Plan => "脱钩方案",
        Review => "审核意见书",
        Summary => "脱钩工作总结",
        Evaluation => "成效评估报告",
        _ => kind,
    };

    public static DocumentType Type(string kind) => kind switch
    {
        Plan => DocumentType.DecouplingPlan,
        Review => DocumentType.ReviewDocument,
        Summary => DocumentType.Summary,
        Evaluation => DocumentType.Evaluation,
        _ => DocumentType.Other,
    };
}
