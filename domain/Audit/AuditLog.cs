using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Audit;

/// <summary>
/// Reads and verifies the audit chain and records events that are not entity changes (exports, downloads, logins).
/// Entity changes are written by <see cref="AuditInterceptor"/> on every SaveChanges, never by hand.
/// </summary>
public sealed class AuditLog(PlatformDbContext db)
{
    /// <summary>Queues an event row; it is chained and written with the next SaveChanges.</summary>
    public void Record(string action, string entityType, string entityId, string details = "{}") =>
        db.AuditEntries.Add(new AuditEntry { Action = action, EntityType = entityType, EntityId = entityId, Details = details });

    public async Task RecordAsync(string action, string entityType, string entityId, string details = "{}",
        CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<AuditEntry>> PageAsync(long afterSequence, int take, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Walks the chain from the first row: a missing sequence number is a deleted row, a hash that does not match the
    /// row's content (or the previous row's hash) is an altered row. Reports the first broken sequence number.
    /// </summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = "";
        long rows = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            rows++;
            if (entry.Sequence != expected)
            {
                return Broken(expected, DomainErrorCodes.AuditRowMissing, rows, previousHash);
            }

            if (entry.PreviousHash != previousHash || AuditHasher.Compute(entry) != entry.Hash)
            {
                return Broken(entry.Sequence, DomainErrorCodes.AuditRowAltered, rows, previousHash);
            }

            previousHash = entry.Hash;
            expected++;
        }

        return new AuditChainReport(true, null, null, null, rows, expected - 1, previousHash);
    }

    private static AuditChainReport Broken(long sequence, string code, long rows, string lastGoodHash) =>
        new(false, sequence, code, DomainText.Get(code, sequence), rows, sequence - 1, lastGoodHash);
}
