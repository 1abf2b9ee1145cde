namespace Decoupling.Domain.Sampling;

/// <summary>An association picked for an audit spot-check (抽查); an association is never picked twice.</summary>
public class AuditSampleEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The sampling round (e.g. the flow instance or "2026-1"), so a repeated run returns the same picks.</summary>
    public string Round { get; set; } = "";

    public Guid AssociationId { get; set; }

    public int Seed { get; set; }

    public DateTimeOffset SelectedAt { get; set; }
}
