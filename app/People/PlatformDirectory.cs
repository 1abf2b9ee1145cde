using Decoupling.Engine.Access;
using Decoupling.Engine.Services;

namespace Decoupling.Application.People;

/// <summary>The engine's view of the platform's people: accounts with their candidate groups, for hand-over checks.</summary>
public sealed class PlatformDirectory(ActorResolver resolver) : IActorDirectory
{
    public async Task<Actor?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        (await resolver.ByUserNameAsync(userId, cancellationToken).ConfigureAwait(false))?.Actor;
}
