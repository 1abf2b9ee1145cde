namespace Decoupling.Engine.Store;

/// <summary>Where the engine keeps its state: EF Core (PostgreSQL, SQLite) in production, memory for simulation and benchmarks.</summary>
public interface IEngineStore
{
    /// <summary>Opens a unit of work. Everything done through one session commits together or not at all.</summary>
    Task<IEngineSession> OpenSessionAsync(CancellationToken cancellationToken = default);
}
