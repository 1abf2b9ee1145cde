namespace Decoupling.Domain.Documents;

/// <summary>What each kind of document is called, for pages and refusals alike.</summary>
public static class DocumentTypeNames
{
    public static string Of(DocumentType type) => type switch
    {
        DocumentType.Evidence => "佐证材料",
        DocumentType.DecouplingPlan => "脱钩方案",
        DocumentType.ReviewDocument => "审核文件",
        DocumentType.ApprovalDocument => "批复文件",
        DocumentType.Summary => "工作总结",
        DocumentType.Evaluation => "评估报告",
        DocumentType.Certificate => "登记证书",
        DocumentType.RegisterExport => "名册",
        DocumentType.PublicationAttachment => "通知公告附件",
        _ => "其他材料",
    };
}
