using Decoupling.Engine.Store;

namespace Decoupling.Engine.Persistence;

/// <summary>
/// The engine's store on EF Core. Each session gets a fresh context from the factory, so the host chooses the provider and
/// connection (<see cref="EngineDatabase"/>, or its own options, pooling, interceptors).
/// </summary>
public sealed class EfEngineStore(Func<EngineDbContext> createContext) : IEngineStore
{
    private readonly LatestDefinitions _latest = new();

    /// <summary>A store on SQLite; the options are built once and shared by every session.</summary>
    public static EfEngineStore ForSqlite(string connectionString)
    {
        var options = EngineDatabase.SqliteOptions(connectionString);
        return new EfEngineStore(() => new SqliteEngineDbContext(options));
    }

    /// <summary>A store on PostgreSQL; the options are built once and shared by every session.</summary>
    public static EfEngineStore ForPostgres(string connectionString)
    {
        // pooled: a step is a handful of short queries, and building a context for each costs as much as they do
        var pool = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<PostgresEngineDbContext>(EngineDatabase.PostgresOptions(connectionString));
        return new EfEngineStore(pool.CreateDbContext);
    }

    /// <summary>A new context of the configured provider (for migrations or the host's own queries).</summary>
    public EngineDbContext CreateContext() => createContext();

    public Task<IEngineSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IEngineSession>(new EfEngineSession(createContext(), _latest));
    }
}
