using System.Data.Common;

namespace Decoupling.Domain.Outbox;

/// <summary>
/// Queues effects on a transaction that is still open (the engine step's, see the host's outbox listener): they commit
/// or roll back with it. A key already queued is skipped, so writing the same effect twice queues it once.
/// </summary>
public static class OutboxWriter
{
    public static async Task WriteAsync(DbTransaction transaction, IReadOnlyCollection<OutboxEntry> entries, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction has no connection");
        foreach (var entry in entries)
        {
            await using var command = OutboxSql.Command(connection, transaction,
                """
                INSERT INTO "OutboxMessages" ("Id", "Key", "Kind", "PayloadJson", "CreatedAt", "AvailableAt", "Attempts")
                VALUES (@id, @key, @kind, @payload, @now, @now, 0)
                ON CONFLICT ("Key") DO NOTHING
                """,
                ("@id", OutboxSql.Id(connection, Guid.NewGuid())), ("@key", entry.Key), ("@kind", entry.Kind),
                ("@payload", entry.PayloadJson), ("@now", OutboxSql.Time(connection, now)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
