namespace Decoupling.Domain.Register;

/// <summary>One changed field of one association: the register's own history, readable by users.</summary>
public class AssociationChange
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The property name (stable), e.g. <c>Address</c>; the UI shows the Chinese column name.</summary>
    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
