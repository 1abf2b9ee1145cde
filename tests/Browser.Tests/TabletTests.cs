using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>
/// The pages people open away from a desk, on a tablet held upright (768×1024): nothing wider than the screen, the
/// navigation reachable, and the same content as on a desktop.
/// </summary>
public sealed class TabletTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const int Width = 768;
    private const int Height = 1024;

    private static async Task AssertFitsAsync(IPage page, string screenshot)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await BrowserSession.ScreenshotAsync(page, screenshot);
        Assert.True(overflow <= 1, $"{page.Url} is {overflow}px wider than a {Width}px tablet");
    }

    [Fact]
    public async Task Inbox_portal_dashboard_and_register_fit_an_upright_tablet()
    {
        var reviewer = await platform.Browser.SignInAsync(platform.Host.Url, "czj", Width, Height);
        await reviewer.GotoAsync("/tasks");
        await reviewer.Locator("#inbox-table").WaitForAsync();
        await AssertFitsAsync(reviewer, "50-tablet-inbox");

        // the menu folds away on a narrow screen and opens from the app bar
        await reviewer.Locator("header button").First.ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToBeVisibleAsync();

        var association = await platform.Browser.SignInAsync(platform.Host.Url, "assoc.ceramics", Width, Height);
        await association.GotoAsync("/portal");
        await association.Locator("#case-progress").WaitForAsync();
        await AssertFitsAsync(association, "51-tablet-portal");

        var leading = await platform.Browser.SignInAsync(platform.Host.Url, "leading", Width, Height);
        await leading.GotoAsync("/dashboard");
        await leading.Locator("#stat-total").WaitForAsync();
        await AssertFitsAsync(leading, "52-tablet-dashboard");
        await leading.GotoAsync("/register");
        await leading.Locator("#register-table").WaitForAsync();
        await AssertFitsAsync(leading, "53-tablet-register");
    }
}
