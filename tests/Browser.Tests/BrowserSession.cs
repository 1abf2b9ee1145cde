using Microsoft.Playwright;

namespace Decoupling.Browser.Tests;

/// <summary>Debian's chromium driven by Playwright (never a downloaded browser), one context per signed-in person.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string DemoPassword = "Luozhuang#2026";
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A new browser context signed in as <paramref name="userName"/> through the sign-in form.</summary>
    public async Task<IPage> SignInAsync(string baseUrl, string userName, int width = 1366, int height = 768)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (page.Url.Contains("/account/second-factor", StringComparison.Ordinal))
        {
            // the administrators' second step: the code their (demo) authenticator shows now
            await page.FillAsync("#code", Decoupling.TestSupport.DemoAdmins.CodeFor(userName) ?? "");
            await page.ClickAsync("#code-submit");
            await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        }

        return page;
    }

    public async Task<IPage> AnonymousPageAsync(string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        return await context.NewPageAsync();
    }

    /// <summary>Keeps a screenshot of a main page, after checking that it shows nothing a user would call broken.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        await AssertNoLeftoversAsync(page);
    }

    /// <summary>
    /// The page shows no Razor or placeholder leftovers, no English pager text and no raw exception: what a
    /// civil servant would report as broken.
    /// </summary>
    public static async Task AssertNoLeftoversAsync(IPage page)
    {
        var text = await page.InnerTextAsync("body");
        var leftovers = System.Text.RegularExpressions.Regex.Matches(text, @"@context|@\(|\bof \d|Rows per page|Exception|\bundefined\b|\bNaN\b|\{[a-z_]+\}")
            .Select(m => m.Value).Distinct().ToList();
        Assert.True(leftovers.Count == 0, $"{page.Url} shows {string.Join(", ", leftovers)}");
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
