namespace Decoupling.Domain.Documents;

/// <summary>What a stored document is for in the procedure.</summary>
public enum DocumentType
{
    Evidence,
    DecouplingPlan,
    ReviewDocument,
    ApprovalDocument,
    Summary,
    Evaluation,
    Certificate,
    RegisterExport,
    Other,

    /// <summary>An attachment of a notice or policy interpretation the office published (R25).</summary>
    PublicationAttachment,
}
