using Decoupling.Domain.Identity;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Decoupling.Host.Tests.Security;

/// <summary>
/// An open page (a Blazor circuit) makes no HTTP requests, so the cookie's idle timeout alone would not end it: its
/// own activity is checked every 30 seconds, and a circuit idle longer than the policy loses its user.
/// </summary>
public sealed class IdleCircuitTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_circuit_idle_longer_than_the_policy_loses_its_user_and_an_active_one_keeps_it()
    {
        var services = fixture.Factory.Services;
        var clock = new StepClock(DateTimeOffset.UtcNow);
        var activity = new CircuitActivity(clock);
        var provider = new IdleRevalidatingStateProvider(services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>(), activity);
        var state = await StateOfAsync("czj");

        clock.Advance(TimeSpan.FromMinutes(20));
        activity.Touch();
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await provider.StillValidAsync(state, CancellationToken.None));
        Assert.False(activity.EndedForIdleness);

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.False(await provider.StillValidAsync(state, CancellationToken.None));
        Assert.True(activity.EndedForIdleness);
    }

    [Fact]
    public async Task A_circuit_of_a_locked_account_loses_its_user()
    {
        var services = fixture.Factory.Services;
        var provider = new IdleRevalidatingStateProvider(services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>(), new CircuitActivity(TimeProvider.System));
        var state = await StateOfAsync("wsb");
        Assert.True(await provider.StillValidAsync(state, CancellationToken.None));

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync("wsb"))!, DateTimeOffset.MaxValue);
        try
        {
            Assert.False(await provider.StillValidAsync(state, CancellationToken.None));
        }
        finally
        {
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("wsb"))!, null);
        }
    }

    private async Task<AuthenticationState> StateOfAsync(string userName)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PlatformUser>>();
        return new AuthenticationState(await factory.CreateAsync((await users.FindByNameAsync(userName))!));
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
