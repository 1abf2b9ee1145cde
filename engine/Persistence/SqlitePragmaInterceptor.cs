using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// Runs on every SQLite connection the engine opens: WAL (readers never block the writer and the writer never blocks
/// readers; the mode is persistent, so after the first time this is a no-op) and a busy timeout, so a writer waiting for
/// another's transaction waits instead of failing with SQLITE_BUSY.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>Stateless, so one instance serves every context (EF then keeps one internal service provider).</summary>
    public static readonly SqlitePragmaInterceptor Instance = new();

    private SqlitePragmaInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The busy timeout follows the connection string's Default Timeout (seconds).</summary>
    private static string Pragmas(DbConnection connection) =>
        $"PRAGMA busy_timeout = {((SqliteConnection)connection).DefaultTimeout * 1000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
}
