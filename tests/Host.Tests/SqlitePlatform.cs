namespace Decoupling.Host.Tests;

/// <summary>Fixture: the platform on its embedded default.</summary>
public sealed class SqlitePlatform : IDisposable
{
    public PlatformFactory Factory { get; } = new(postgres: false);

    public void Dispose() => Factory.Dispose();
}
