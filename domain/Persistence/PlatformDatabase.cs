using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Persistence;

/// <summary>
/// Provider setup shared by the host and the design-time factories, so runtime and migrations agree (notably the
/// migrations history table, kept apart from the engine's).
/// </summary>
public static class PlatformDatabase
{
    public const string MigrationsHistoryTable = "__PlatformMigrationsHistory";

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsHistoryTable(MigrationsHistoryTable);
            sqlite.MigrationsAssembly(typeof(PlatformDatabase).Assembly.GetName().Name);
        });

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsHistoryTable(MigrationsHistoryTable);
            npgsql.MigrationsAssembly(typeof(PlatformDatabase).Assembly.GetName().Name);
        });

    public static SqlitePlatformDbContext CreateSqlite(string connectionString, Audit.IAuditActor? actor = null, TimeProvider? time = null)
    {
        var builder = new DbContextOptionsBuilder<SqlitePlatformDbContext>();
        UseSqlite(builder, connectionString);
        return new SqlitePlatformDbContext(builder.Options, actor, time);
    }

    public static PostgresPlatformDbContext CreatePostgres(string connectionString, Audit.IAuditActor? actor = null, TimeProvider? time = null)
    {
        var builder = new DbContextOptionsBuilder<PostgresPlatformDbContext>();
        UsePostgres(builder, connectionString);
        return new PostgresPlatformDbContext(builder.Options, actor, time);
    }
}
