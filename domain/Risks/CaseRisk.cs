namespace Decoupling.Domain.Risks;

/// <summary>A risk registered for an association's case with its planned response (风险预案, R24), tracked until closed.</summary>
public class CaseRisk
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AssociationId { get; set; }

    public string Risk { get; set; } = "";

    public string Response { get; set; } = "";

    /// <summary>一般, 较大 or 重大.</summary>
    public string Level { get; set; } = "一般";

    public bool Closed { get; set; }

    public string? ClosingNote { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
