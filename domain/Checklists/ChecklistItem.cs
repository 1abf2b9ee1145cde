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

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
