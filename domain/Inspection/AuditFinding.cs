namespace Decoupling.Domain.Inspection;

/// <summary>
/// One audit of an association (R22): the asset-inventory spot check and the audit of fiscal funds used during
/// decoupling, what was found, the rectification (整改) it requires with its deadline, and its closure. Findings and
/// their rectification count in the evaluation.
/// </summary>
public class AuditFinding
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public AuditFindingStatus Status { get; set; }

    public string? AssetFindings { get; set; }

    public string? FundFindings { get; set; }

    /// <summary>The auditor's conclusion: the problems to rectify, or 未发现问题.</summary>
    public string? Opinion { get; set; }

    public DateOnly? RectifyBy { get; set; }

    public string? RectificationReport { get; set; }

    public string? RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
