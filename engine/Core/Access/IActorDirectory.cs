using Decoupling.Engine.Services;

namespace Decoupling.Engine.Access;

/// <summary>
/// Looks people up by user id with their groups, so the engine can check who a task is handed to. Without one (the
/// engine alone, a simulation) hand-over targets are taken as named.
/// </summary>
public interface IActorDirectory
{
    /// <summary>The person as an actor, or null when there is no such user.</summary>
    Task<Actor?> FindAsync(string userId, CancellationToken cancellationToken = default);
}
