using Decoupling.Engine.Services;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>Lets the domain's TimeProvider follow the engine's virtual clock, so both agree on "today".</summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.Now.ToUniversalTime();
}
