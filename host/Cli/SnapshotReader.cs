using System.Data.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Cli;

/// <summary>What a backup and a restore count in a database: rows per table (platform and engine), the audit chain's head, the documents.</summary>
public static class SnapshotReader
{
    public static async Task<Dictionary<string, long>> CountsAsync(DbConnection connection, DbTransaction? transaction, bool postgres)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>A platform context over an open connection (and the transaction that holds a snapshot, on PostgreSQL).</summary>
    public static PlatformDbContext Context(DbConnection connection, DbTransaction? transaction, bool postgres)
    {
        PlatformDbContext db = postgres
            ? new PostgresPlatformDbContext(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql(connection).Options, null, null)
            : new SqlitePlatformDbContext(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite(connection).Options, null, null);
        if (transaction is not null)
        {
            db.Database.UseTransaction(transaction);
        }

        return db;
    }
}
