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
    /// Latin words a Chinese page may show: names of formats, standards and tools users know by those names, and the
    /// bpmn.io mark the designer's licence asks to keep. Anything else in English is a leftover.
    /// </summary>
    public static readonly HashSet<string> AllowedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "BPMN", "bpmn", "CMMN", "DMN", "io", "Powered", "by", "docx", "xlsx", "pdf", "jpg", "jpeg", "png", "Excel", "Word", "PDF", "TOTP", "SM", "QR",
        "OpenAPI", "Hangfire", "Camunda", "Java", "JSON", "XML", "API", "ID", "URL", "Microsoft", "Authenticator", "FreeOTP", "Luozhuang",
    };

    /// <summary>
    /// The page shows nothing a civil servant would report as broken: Razor or placeholder leftovers (<c>@context</c>,
    /// <c>@instance.DefinitionVersion</c>, <c>{first_item}</c>), English pager text or words outside the allow-list, a raw
    /// exception, a GUID where a name belongs, or an element that makes the page wider than the window.
    /// </summary>
    public static async Task AssertNoLeftoversAsync(IPage page)
    {
        var leftovers = await LeftoversAsync(page);
        Assert.True(leftovers.Count == 0, $"{page.Url} shows {string.Join(", ", leftovers)}");
    }

    /// <summary>What <see cref="AssertNoLeftoversAsync"/> would report on the page, for a sweep that reports every page at once.</summary>
    public static async Task<List<string>> LeftoversAsync(IPage page)
    {
        var text = await page.InnerTextAsync("body");
        var leftovers = System.Text.RegularExpressions.Regex.Matches(text,
                @"(?<![A-Za-z0-9_.])@[A-Za-z_(][A-Za-z0-9_.]*|\bof \d|Rows per page|Exception|\bundefined\b|\bNaN\b|\{[a-z_]+\}|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
            .Select(m => m.Value).Distinct().ToList();
        // user data (names, comments) is Chinese in this district; hostile input tests type markup on purpose
        // an expression of a flow (${item.title}) is what the designer shows as a step's name: it is the model, not a leftover
        // and so are the ids a designer gave a form's fields and values, shown as the headers of their entries, and the
        // element ids the version diff shows beside each element's Chinese name
        var prose = System.Text.RegularExpressions.Regex.Replace(text, @"\$\{[^}]*\}", "");
        foreach (var id in await page.Locator(".bio-properties-panel-collapsible-entry-header-title, .dz-element-id").AllInnerTextsAsync())
        {
            prose = prose.Replace(id, "", StringComparison.Ordinal);
        }

        var english = System.Text.RegularExpressions.Regex.Matches(prose, @"(?<![A-Za-z0-9_<./=:-])[A-Za-z]{3,}(?![A-Za-z0-9_>=:/-])")
            .Select(m => m.Value).Where(w => !AllowedWords.Contains(w) && !IsMarkupTest(text) && !(ShowsAccounts(page.Url) && w.All(char.IsLower))
                && !(ShowsKey(page.Url) && w.All(char.IsUpper)))
            .Distinct().ToList();
        leftovers.AddRange(english.Select(w => "English “" + w + "”"));
        var wide = await page.EvaluateAsync<string?>("""
            () => {
              const limit = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= limit + 1) return null;
              const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > limit + 1 && getComputedStyle(e).position !== 'fixed'; })
                .filter(e => !e.closest('.djs-container'));
              const first = culprits.find(e => ![...e.children].some(c => culprits.includes(c))) || culprits[0];
              return first ? `${first.tagName.toLowerCase()}#${first.id}.${[...first.classList].join('.')} (${Math.round(first.getBoundingClientRect().right)} px > ${limit} px)` : `page ${document.documentElement.scrollWidth} px > ${limit} px`;
            }
            """);
        if (wide is not null)
        {
            leftovers.Add("wider than the window: " + wide);
        }

        return leftovers;
    }

    /// <summary>
    /// The account pages of the three administrators show login names (jxj, assoc.ceramics) as what they are; anywhere else a
    /// login name stands where a person's name belongs.
    /// </summary>
    private static bool ShowsAccounts(string url) =>
        new[] { "/admin", "/security", "/audit" }.Any(path => new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal));

    /// <summary>The authenticator enrolment shows its key in groups of capitals (base32) for typing into an app.</summary>
    private static bool ShowsKey(string url) => new Uri(url).AbsolutePath.StartsWith("/account/enroll", StringComparison.Ordinal);

    /// <summary>The hostile-input page shows a script tag typed on purpose; its words are data, not leftovers.</summary>
    private static bool IsMarkupTest(string text) => text.Contains("<script>", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
