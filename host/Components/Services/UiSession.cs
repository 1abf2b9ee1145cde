using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Microsoft.AspNetCore.Components.Authorization;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// The signed-in person of a circuit, resolved once by the application layer (the same mapping the API uses). Pages
/// call use cases with it; <see cref="RunAsync{T}"/> remains for the administration pages' own reads, each in a fresh
/// scope because a circuit lives for hours and one long-lived DbContext would serve stale data.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider authentication, ActorResolver actors, IServiceScopeFactory scopes)
{
    private CaseActor? user;

    public async Task<CaseActor?> UserAsync()
    {
        if (user is not null)
        {
            return user;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var name = state.User.Identity?.IsAuthenticated == true ? state.User.Identity.Name : null;
        user = await actors.ByUserNameAsync(name);
        return user;
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = UseCaseScope.Open(scopes, user?.UserName);
        return await work(scope.Services);
    }
}
