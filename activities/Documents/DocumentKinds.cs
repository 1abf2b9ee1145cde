using Decoupling.Domain.Documents;

namespace Decoupling.Activities.Documents;

/// <summary>The documents the platform generates, each from its template in seed/templates.</summary>
public static class DocumentKinds
{
    public const string Plan = "plan";
    public const string Review = "review";
    public const string Summary = "summary";
    public const string Evaluation = "evaluation";

    /// <summary>不予同意审核意见书: a department's refusal of an item, with its reasons.</summary>
    public const string Refusal = "refusal";

    /// <summary>不予许可决定书: the registration authority refuses a registration act, with reasons and remedies.</summary>
    public const string RegistrationRefusal = "registration-refusal";

    /// <summary>不予受理通知书: the window does not accept an application, with reasons and remedies.</summary>
    public const string IntakeRefusal = "intake-refusal";

    /// <summary>补正材料通知书 (一次性告知): everything missing, at once.</summary>
    public const string SupplementNotice = "supplement-notice";

    /// <summary>撤销登记（取缔）决定书 of the clean-up (R2).</summary>
    public const string Revocation = "revocation";

    /// <summary>登记证书（副本）: the certificate as issued or renewed.</summary>
    public const string Certificate = "certificate";

    public static readonly string[] All = [Plan, Review, Summary, Evaluation, Refusal, RegistrationRefusal, IntakeRefusal, SupplementNotice, Revocation, Certificate];

    /// <summary>Documents about one association (the association is required).</summary>
    public static bool AboutAssociation(string kind) => kind is Plan or Review or Refusal or Revocation or Certificate;

    public static string TemplateFile(string kind) => kind + ".docx";

    public static string Label(string kind) => kind switch
    {
        Plan => "脱钩方案",
        Review => "审核意见书",
        Summary => "脱钩工作总结",
        Evaluation => "成效评估报告",
        Refusal => "不予同意审核意见书",
        RegistrationRefusal => "不予许可决定书",
        IntakeRefusal => "不予受理通知书",
        SupplementNotice => "补正材料通知书",
        Revocation => "撤销登记决定书",
        Certificate => "登记证书（副本）",
        _ => kind,
    };

    public static DocumentType Type(string kind) => kind switch
    {
        Plan => DocumentType.DecouplingPlan,
        Review => DocumentType.ReviewDocument,
        Summary => DocumentType.Summary,
        Evaluation => DocumentType.Evaluation,
        Refusal => DocumentType.ReviewDocument,
        RegistrationRefusal or Revocation => DocumentType.ApprovalDocument,
        Certificate => DocumentType.Certificate,
        _ => DocumentType.Other,
    };
}
