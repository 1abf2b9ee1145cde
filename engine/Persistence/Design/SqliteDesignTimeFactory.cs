using Microsoft.EntityFrameworkCore.Design;

namespace Decoupling.Engine.Persistence.Design;

/// <summary>
/// For <c>dotnet ef ... --context SqliteEngineDbContext --output-dir Migrations/Sqlite</c>. The connection string is only
/// used by commands that touch a database (<c>database update</c>); ENGINE_SQLITE_CONNECTION overrides it.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(EngineDatabase.SqliteOptions(
            Environment.GetEnvironmentVariable("ENGINE_SQLITE_CONNECTION") ?? "Data Source=engine-design.db"));
}
