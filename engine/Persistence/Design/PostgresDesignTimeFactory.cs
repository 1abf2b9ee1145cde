using Microsoft.EntityFrameworkCore.Design;

namespace Decoupling.Engine.Persistence.Design;

/// <summary>
/// For <c>dotnet ef ... --context PostgresEngineDbContext --output-dir Migrations/Postgres</c>. The connection string is only
/// used by commands that touch a database (<c>database update</c>); ENGINE_PG_CONNECTION overrides it.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(EngineDatabase.PostgresOptions(
            Environment.GetEnvironmentVariable("ENGINE_PG_CONNECTION") ?? "Host=127.0.0.1;Database=decoupling;Username=postgres"));
}
