using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>The bpmn-js designer inside the platform: it loads for the leading group, keeps the bpmn.io mark, and is closed to others.</summary>
public sealed class DesignerTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_designer_opens_with_palette_properties_and_the_bpmn_io_mark()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "leading");
        await page.GotoAsync("/designer/index.html");
        await Assertions.Expect(page.Locator(".djs-palette")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToBeVisibleAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var elements = await page.EvaluateAsync<int>("() => window.designer.get('elementRegistry').getAll().length");
        Assert.True(elements > 0);
        await BrowserSession.ScreenshotAsync(page, "20-designer");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_reviewer_gets_no_definitions_from_the_designer_api()
    {
        var page = await platform.Browser.SignInAsync(platform.Host.Url, "czj");
        var response = await page.APIRequest.GetAsync("/api/definitions");
        Assert.Equal(403, response.Status);
    }
}
