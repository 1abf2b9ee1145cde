using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Engine.Persistence;

/// <summary>Creates the engine's DbContext for a provider and brings its schema up to date.</summary>
public static class EngineDatabase
{
    /// <summary>Applies the provider's pending migrations (creates the database file or schema when missing).</summary>
    public static async Task MigrateAsync(EngineDbContext context, CancellationToken cancellationToken = default)
    {
        if (context is SqliteEngineDbContext)
        {
            // SQLite creates the file but not its folder (the embedded default keeps data under ./data).
            var dataSource = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
            if (dataSource is not ("" or ":memory:") && !dataSource.StartsWith("file:", StringComparison.Ordinal)
                && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A context on SQLite, e.g. <c>Data Source=data/engine.db</c>. Every connection gets WAL and a busy timeout (the
    /// connection string's <c>Default Timeout</c>, 30 s unless given), so a writer waits for another writer's transaction.
    /// </summary>
    public static EngineDbContext CreateSqlite(string connectionString) => new SqliteEngineDbContext(SqliteOptions(connectionString));

    /// <summary>A context on PostgreSQL, e.g. <c>Host=127.0.0.1;Database=decoupling;Username=app</c>.</summary>
    public static EngineDbContext CreatePostgres(string connectionString) => new PostgresEngineDbContext(PostgresOptions(connectionString));

    /// <summary>
    /// Options for <see cref="SqliteEngineDbContext"/>. The connection string's <c>Default Timeout</c> (seconds, 30 when not
    /// given) is both the busy timeout and the command timeout.
    /// </summary>
    public static DbContextOptions<SqliteEngineDbContext> SqliteOptions(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return new DbContextOptionsBuilder<SqliteEngineDbContext>()
            .UseSqlite(builder.ToString(), sqlite => sqlite
                .MigrationsHistoryTable(EngineDbContext.MigrationsHistoryTable)
                .CommandTimeout(builder.DefaultTimeout))
            .AddInterceptors(SqlitePragmaInterceptor.Instance)
            .Options;
    }

    /// <summary>
    /// Options for <see cref="PostgresEngineDbContext"/>. Unless the connection string says otherwise, statements are
    /// prepared automatically and pooled connections are not reset on return: the engine sets no session state, and a
    /// reset (DISCARD ALL) would cost a round of work per query and throw the prepared statements away.
    /// </summary>
    public static DbContextOptions<PostgresEngineDbContext> PostgresOptions(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return new DbContextOptionsBuilder<PostgresEngineDbContext>()
            .UseNpgsql(builder.ToString(), npgsql => npgsql.MigrationsHistoryTable(EngineDbContext.MigrationsHistoryTable))
            .Options;
    }
}
