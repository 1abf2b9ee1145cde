using System.Data;
using System.Data.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Outbox;

/// <summary>
/// The delivering side: a node claims due messages for a while (others skip them; on PostgreSQL without waiting,
/// FOR UPDATE SKIP LOCKED), marks each delivered or failed (retried later, backing off). A node that dies holding
/// messages loses its claim when the lease runs out, and another node delivers them: at least once.
/// </summary>
public sealed class OutboxStore(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string node, int batch, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        var postgres = OutboxSql.IsPostgres(connection);
        await using var command = OutboxSql.Command(connection, null,
            $"""
            UPDATE "OutboxMessages" SET "LockedUntil" = @until, "LockedBy" = @node, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "DeliveredAt" IS NULL AND "AvailableAt" <= @now AND ("LockedUntil" IS NULL OR "LockedUntil" < @now)
                ORDER BY "CreatedAt" LIMIT @batch{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING "Id", "Key", "Kind", "PayloadJson", "Attempts"
            """,
            ("@until", OutboxSql.Time(connection, now + lease)), ("@node", node), ("@now", OutboxSql.Time(connection, now)), ("@batch", batch));
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(OutboxSql.ReadId(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return claimed;
    }

    public async Task DeliveredAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = OutboxSql.Command(connection, null,
            """UPDATE "OutboxMessages" SET "DeliveredAt" = @now, "LockedUntil" = NULL, "LastError" = NULL WHERE "Id" = @id""",
            ("@now", OutboxSql.Time(connection, now)), ("@id", OutboxSql.Id(connection, id)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailedAsync(Guid id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = OutboxSql.Command(connection, null,
            """UPDATE "OutboxMessages" SET "LockedUntil" = NULL, "LockedBy" = NULL, "AvailableAt" = @retry, "LastError" = @error WHERE "Id" = @id""",
            ("@retry", OutboxSql.Time(connection, retryAt)), ("@error", error.Length > 1000 ? error[..1000] : error), ("@id", OutboxSql.Id(connection, id)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Messages not yet delivered (for the metrics and the operators' view).</summary>
    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) =>
        db.OutboxMessages.CountAsync(m => m.DeliveredAt == null, cancellationToken);

    /// <summary>Delivered messages older than the cut-off are only history: removed in bulk.</summary>
    public Task<int> PruneAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken = default) =>
        db.OutboxMessages.Where(m => m.DeliveredAt != null && m.DeliveredAt < deliveredBefore).ExecuteDeleteAsync(cancellationToken);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }
}
