namespace Decoupling.Domain.Documents;

/// <summary>What the caller says about an upload; the content decides the type, the name is only displayed.</summary>
public sealed record DocumentUpload(
    string FileName,
    DocumentType Type,
    string CreatedBy,
    Guid? OwnerDepartmentId = null,
    Guid? OwnerAssociationId = null);
