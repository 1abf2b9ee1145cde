namespace Decoupling.Domain.Checklists;

/// <summary>One row of an association's checklist, with the columns of DOMAIN.md.</summary>
public class ChecklistItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ChecklistId { get; set; }

    /// <summary>序号, unique within the checklist.</summary>
    public int Number { get; set; }

    public string? ItemCode { get; set; }

    public SeparationCategory Category { get; set; }

    public string Title { get; set; } = "";

    public string? SituationBefore { get; set; }

    public string? SeparationMeasure { get; set; }

    public DateOnly? Deadline { get; set; }

    public string? ResponsibleUnit { get; set; }

    public string? ResponsiblePerson { get; set; }

    /// <summary>Department codes that review this item, filled from the routing table and editable.</summary>
    public List<string> ReviewingDepartmentCodes { get; set; } = [];

    public List<Guid> EvidenceDocumentIds { get; set; } = [];

    public ChecklistItemStatus Status { get; set; }

    public string? ReviewOpinion { get; set; }

    /// <summary>不涉及: the item does not apply to this association; only with a reason the unit accepts by verifying.</summary>
    public bool NotApplicable { get; set; }

    public string? NotApplicableReason { get; set; }

    /// <summary>Why the item was sent back (一次性告知), and by whom; cleared once it is verified again.</summary>
    public string? ReturnReason { get; set; }

    public string? ReturnedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
