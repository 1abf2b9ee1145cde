using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Decoupling.Domain.Audit;

/// <summary>
/// Serializes appends to the audit hash chain on PostgreSQL. Every save reads the chain's last row and appends after it,
/// so with several hosts (and several requests per host) writing at once most appends lost the race for the next
/// sequence number and a busy cluster exhausted the save's retries (HTTP 500 on an evidence upload with three nodes).
/// A transaction-scoped advisory lock makes the read-and-append one critical section across processes; it is released
/// by the commit or rollback of the transaction it was taken in. SQLite already writes one transaction at a time.
/// Transactions that also lock a numbering counter take this lock first, so every writer locks in the same order.
/// </summary>
public static class AuditChainLock
{
    // any constant shared by all hosts; "AuditChn" in ASCII, to be recognisable in pg_locks
    private const long Key = 0x41756469744368_6E;

    public static bool Applies(DatabaseFacade database) => database.IsNpgsql();

    /// <summary>Takes the lock in the current transaction; a no-op without one or on SQLite.</summary>
    public static async Task AcquireAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if (Applies(database) && database.CurrentTransaction is not null)
        {
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
        }
    }

    public static void Acquire(DatabaseFacade database)
    {
        if (Applies(database) && database.CurrentTransaction is not null)
        {
            database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({Key})");
        }
    }
}
