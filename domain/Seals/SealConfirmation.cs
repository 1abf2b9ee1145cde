namespace Decoupling.Domain.Seals;

/// <summary>
/// An online unit seal (盖章确认): an authorised member of a department or association confirms a document, and the
/// confirmation binds to the document's SHA-256 at that moment so later tampering shows.
/// </summary>
public class SealConfirmation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DocumentId { get; set; }

    public string Sha256 { get; set; } = "";

    public string UserId { get; set; } = "";

    public string UserDisplayName { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public Guid? AssociationId { get; set; }

    /// <summary>The unit's name at the time of sealing, kept so the record reads the same after renames.</summary>
    public string UnitName { get; set; } = "";

    public DateTimeOffset ConfirmedAt { get; set; }
}
