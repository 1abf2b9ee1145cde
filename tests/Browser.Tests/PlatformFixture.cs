namespace Decoupling.Browser.Tests;

/// <summary>One host process and one browser for the browser tests of a class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public HostProcess Host { get; private set; } = null!;
    public BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync();
        Browser = await BrowserSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}
