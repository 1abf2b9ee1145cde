namespace Decoupling.Domain.Register;

/// <summary>
/// One tie of an association to an agency or one of its subordinate units (R4); decoupling ends each one, on the day
/// the registration change is approved, and the register keeps the record.
/// </summary>
public class AssociationRelationship
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public RelationshipKind Kind { get; set; }

    /// <summary>The agency or subordinate unit, by name as people write it.</summary>
    public string Agency { get; set; } = "";

    /// <summary>True for a unit under the agency (下属单位), not the agency itself.</summary>
    public bool SubordinateUnit { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndedBy { get; set; }
}
