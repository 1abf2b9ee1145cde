namespace Decoupling.Domain.Audit;

/// <summary>
/// One append-only audit row. <see cref="Hash"/> is the digest (<see cref="Algorithm"/>: SM3 now, SHA-256 for rows
/// written before) over the row's content and <see cref="PreviousHash"/>, so changing or removing any row breaks the
/// chain from there on.
/// </summary>
public class AuditEntry
{
    /// <summary>Surrogate key so queued rows can be tracked before they get their sequence number.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>1, 2, 3… with no gaps; a gap is a deleted row.</summary>
    public long Sequence { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>How <see cref="Hash"/> was computed, per row, so rows written before the switch to SM3 stay verifiable.</summary>
    public string Algorithm { get; set; } = AuditHasher.Sm3;

    public string Actor { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Created, Updated, Deleted for entity changes; a verb of our own for events (e.g. RegisterExported).</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>JSON: all values for a creation, old and new values of changed fields for an update.</summary>
    public string Details { get; set; } = "";
}
