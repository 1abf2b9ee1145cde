namespace Decoupling.Domain.Audit;

/// <summary>
/// Result of <see cref="AuditLog.VerifyChainAsync"/>. <see cref="LastSequence"/> and <see cref="LastHash"/> are the
/// chain's head: keep them elsewhere (e.g. in the daily report) to also notice rows cut off at the end.
/// </summary>
public sealed record AuditChainReport(
    bool IsIntact,
    long? FirstBrokenSequence,
    string? Code,
    string? Message,
    long RowsChecked,
    long LastSequence,
    string LastHash);
