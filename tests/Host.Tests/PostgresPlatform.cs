namespace Decoupling.Host.Tests;

/// <summary>Fixture: the platform on PostgreSQL (a fresh database on the test server).</summary>
public sealed class PostgresPlatform : IDisposable
{
    public PlatformFactory Factory { get; } = new(postgres: true);

    public void Dispose() => Factory.Dispose();
}
