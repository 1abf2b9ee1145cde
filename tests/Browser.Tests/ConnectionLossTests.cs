using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// When the server goes away under an open page (a restart, a network cut), the reviewer is told so in Chinese and
/// offered a reload, instead of Blazor's English notice or a page that silently stops answering clicks.
/// </summary>
public sealed class ConnectionLossTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task A_lost_server_connection_is_announced_in_Chinese()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "czj");
        var response = await page.GotoAsync("/tasks");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await page.Locator("#inbox-table").WaitForAsync();
        var modal = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToBeHiddenAsync();

        await platform.Host.DisposeAsync();

        await Assertions.Expect(modal).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(modal).ToContainTextAsync("连接", new() { Timeout = 20_000 });
        var text = await modal.InnerTextAsync();
        Assert.DoesNotContain("server", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rejoin", await page.InnerTextAsync("body"), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "60-connection-lost.png") });
    }
}
